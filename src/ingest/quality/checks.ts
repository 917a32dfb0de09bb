/**
 * Validity checks of the data-quality report: each a fixed SQL predicate over one table, and what the rows it
 * finds do downstream. Predicates are our code, never user input.
 */
export interface ValidityCheck {
  readonly table: string;
  readonly column: string;
  readonly id: string;
  /** SQL predicate selecting the offending rows. */
  readonly where: string;
  /** Skip the check unless this table has rows (a broken reference needs something to refer to). */
  readonly needs?: string;
  readonly problem: string;
  readonly impact: string;
}

export const VALIDITY_CHECKS: readonly ValidityCheck[] = [
  {
    table: 'order_lines',
    column: 'customer_id',
    id: 'guest',
    where: 'customer_id IS NULL',
    problem: 'order lines without a customer (guest orders)',
    impact: 'kept as guest orders, excluded from customer-level analysis',
  },
  {
    table: 'order_lines',
    column: 'customer_id',
    id: 'unknown_customer',
    needs: 'customers',
    where: 'customer_id IS NOT NULL AND customer_id NOT IN (SELECT customer_id FROM customers)',
    problem: 'order lines of customers not in the customer table',
    impact: 'scored from their orders alone, without demographics',
  },
  {
    table: 'order_lines',
    column: 'amount',
    id: 'negative_purchase',
    where: "status = 'purchase' AND amount < 0",
    problem: 'purchase lines with a negative amount',
    impact: 'they lower monetary value; check whether they are returns or adjustments',
  },
  {
    table: 'order_lines',
    column: 'unit_price',
    id: 'zero_price',
    where: "status = 'purchase' AND unit_price = 0",
    problem: 'purchase lines with a zero price',
    impact: 'counted in frequency, add nothing to monetary value',
  },
  {
    table: 'order_lines',
    column: 'status',
    id: 'cancellations',
    where: "status = 'cancellation'",
    problem: 'cancellation lines',
    impact: 'excluded from purchase metrics; cancelled value is subtracted from net revenue',
  },
  {
    table: 'order_lines',
    column: 'status',
    id: 'returns',
    where: "status = 'return'",
    problem: 'return lines',
    impact: 'excluded from purchase counts, subtracted from net monetary value',
  },
  {
    table: 'order_lines',
    column: 'ordered_at',
    id: 'future',
    where: 'ordered_at > now()',
    problem: 'order lines dated in the future',
    impact: 'they move the default reference date forward; check the date format',
  },
  {
    table: 'order_lines',
    column: 'product_id',
    id: 'unknown_product',
    needs: 'products',
    where: 'product_id IS NOT NULL AND product_id NOT IN (SELECT product_id FROM products)',
    problem: 'order lines of products not in the catalogue',
    impact: 'no category or cost from the catalogue for them',
  },
  {
    table: 'customers',
    column: 'email',
    id: 'bad_email',
    where: "email IS NOT NULL AND NOT regexp_matches(email, '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$')",
    problem: 'customers with an invalid email',
    impact: 'not reachable by email and never merged by email',
  },
  {
    table: 'customers',
    column: 'phone',
    id: 'bad_phone',
    where: "phone IS NOT NULL AND NOT regexp_matches(phone, '^\\+[1-9][0-9]{6,14}$')",
    problem: 'customers with a phone not in E.164',
    impact: 'not reachable by SMS and never merged by phone',
  },
  {
    table: 'customers',
    column: 'birth_date',
    id: 'age_range',
    where:
      'birth_date IS NOT NULL AND (birth_date > current_date - INTERVAL 14 YEAR OR birth_date < current_date - INTERVAL 110 YEAR)',
    problem: 'customers with an implausible birth date (under 14 or over 110)',
    impact: 'left out of age bands',
  },
  {
    table: 'customers',
    column: 'income',
    id: 'negative_income',
    where: 'income < 0',
    problem: 'customers with a negative income',
    impact: 'left out of income bands',
  },
  {
    table: 'customers',
    column: 'signup_date',
    id: 'future_signup',
    where: 'signup_date > current_date',
    problem: 'customers who sign up in the future',
    impact: 'tenure is negative for them; check the date format',
  },
  {
    table: 'events',
    column: 'customer_id',
    id: 'anonymous_event',
    where: 'customer_id IS NULL',
    problem: 'events without a customer',
    impact: 'counted in totals, not in any customer profile',
  },
  {
    table: 'events',
    column: 'customer_id',
    id: 'unknown_customer',
    needs: 'customers',
    where: 'customer_id IS NOT NULL AND customer_id NOT IN (SELECT customer_id FROM customers)',
    problem: 'events of customers not in the customer table',
    impact: 'their engagement counts, without demographics',
  },
  {
    table: 'campaign_responses',
    column: 'campaign_id',
    id: 'unknown_campaign',
    needs: 'campaigns',
    where: 'campaign_id NOT IN (SELECT campaign_id FROM campaigns)',
    problem: 'responses to campaigns not in the campaign table',
    impact: 'no creative type or cost for them: left out of creative and ROI comparisons',
  },
  {
    table: 'campaign_responses',
    column: 'is_control',
    id: 'control_sent',
    where: 'is_control AND sent_at IS NOT NULL',
    problem: 'control-group members who were sent the campaign',
    impact: 'the control group is contaminated: uplift is understated',
  },
  {
    table: 'messages',
    column: 'text',
    id: 'empty_text',
    where: "trim(text) = ''",
    problem: 'messages with empty text',
    impact: 'no tone or emotion can be read from them',
  },
];

/** What a missing value in a column costs downstream (completeness section). */
export const MISSING_IMPACT: Readonly<Record<string, string>> = {
  'order_lines.amount': 'excluded from monetary value',
  'order_lines.cost': 'margin unknown: profitability uses revenue only',
  'order_lines.category': 'no category shares or category loyalty for these lines',
  'order_lines.channel': 'no channel preference from these orders',
  'order_lines.product_id': 'not used for product recommendations',
  'customers.email': 'not reachable by email, not merged by email',
  'customers.phone': 'not reachable by SMS, not merged by phone',
  'customers.birth_date': 'age bands use the stated age, or none',
  'customers.gender': 'left out of gender segments',
  'customers.income': 'left out of income bands',
  'customers.city': 'left out of location segments',
  'customers.country': 'left out of location segments',
  'customers.signup_date': 'tenure starts at the first order',
  'customers.lifestyle': 'left out of psychographic segments',
  'events.customer_id': 'not in any customer profile',
};
