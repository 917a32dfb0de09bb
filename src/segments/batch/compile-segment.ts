import { assertNever } from '../../core/assert-never.js';
import type { Expr, Join, Select } from '../../sql/ast.js';
import {
  and,
  asc,
  call,
  col,
  eq,
  ge,
  inList,
  inQuery,
  isNotNull,
  lt,
  not,
  or,
  select,
  star,
  table,
  val,
} from '../../sql/build.js';
import type { FieldInfo } from '../fields/field.js';
import { windowBounds } from '../operators/bounds.js';
import type { SqlScope } from '../operators/operator.js';
import { leafSql } from '../operators/registry.js';
import type { PlanNode, SegmentPlan } from '../plan/plan.js';
import { requiresEvents } from '../plan/requires-events.js';
import { universeQuery, validMarkCte } from './event-customers.js';

const EVENT_ROWS = 'ev_rows';

/** The latest finished analysis run's scores: where `scores.*` fields come from. */
export function latestScores(): Select {
  const latest = select([call('max', [col('run_id')])], {
    from: table('analysis_runs'),
    where: eq(col('status'), val('done')),
  });
  return select([star()], {
    from: table('customer_scores'),
    where: eq(col('run_id'), { kind: 'subquery', query: latest }),
  });
}

/**
 * The earliest event time (epoch ms) any event condition reads at `asOf`, or -Infinity when one reads the whole
 * history (no window, `older_than`, first/last occurrence). Pushed into the event scan: a "not done in 60 days"
 * rule groups 60 days of events, not years of them. Customers who drop out of the scan had no event any
 * condition sees, so they are decided exactly as before (absent from the aggregate = no matching events).
 */
function earliestEventRead(plan: SegmentPlan, asOf: number): number {
  let earliest = Number.POSITIVE_INFINITY;
  for (const l of plan.leaves) {
    if (l.kind === 'count' || l.kind === 'sequence') {
      const lo = l.window === null ? Number.NEGATIVE_INFINITY : windowBounds(l.window, asOf).lo;
      earliest = Math.min(earliest, lo);
    } else if (l.kind === 'first' || l.kind === 'last') earliest = Number.NEGATIVE_INFINITY;
  }
  return earliest;
}

/**
 * The batch evaluator: a segment as one parameterised query returning its members (`customer_id`, sorted) as
 * of `asOf`. Customers are those in `customers` plus anyone with an event; event conditions read events with
 * t ≤ asOf (t = occurred_at in epoch ms), one scan with a FILTERed aggregate per condition, sequences as joins.
 */
export function compileSegmentQuery(plan: SegmentPlan, asOf: number): Select {
  const aggregates: Expr[] = [];
  const idSets: Select[] = [];
  let customers = false;
  let scores = false;
  const onlyEventCustomers = requiresEvents(plan);
  const from = onlyEventCustomers ? 'a' : 'u';
  const customerId = col(onlyEventCustomers ? 'customer_id' : 'id', from);

  const scope: SqlScope = {
    asOf,
    eventRowsTable: EVENT_ROWS,
    customerId,
    aggregate(agg) {
      aggregates.push(agg);
      return col(`a${aggregates.length - 1}`, 'a');
    },
    idSet(query) {
      idSets.push(query);
      return inQuery(customerId, select([col('id')], { from: table(`q${idSets.length - 1}`) }));
    },
    field(f: FieldInfo) {
      if (f.source === 'score') {
        scores = true;
        return col(f.key, 's');
      }
      customers = true;
      return col(f.source === 'trait' ? 'traits' : f.key, 'c');
    },
  };

  const node = (n: PlanNode): Expr => {
    switch (n.kind) {
      case 'leaf':
        return leafSql(plan.leaves[n.leaf]!, scope);
      case 'not':
        return not(node(n.child));
      case 'and':
        return and(...n.children.map(node));
      case 'or':
        return or(...n.children.map(node));
      default:
        return assertNever(n, 'plan node');
    }
  };
  const where = node(plan.root);

  const types = [
    ...new Set(
      plan.leaves.flatMap((l) =>
        l.kind === 'count' || l.kind === 'first' || l.kind === 'last'
          ? [l.stream.event]
          : l.kind === 'sequence'
            ? l.steps.map((s) => s.event)
            : [],
      ),
    ),
  ];
  const earliest = earliestEventRead(plan, asOf);
  const ctes: { name: string; query: Select }[] = [];
  if (types.length > 0) {
    ctes.push({
      name: EVENT_ROWS,
      query: select(
        {
          customer_id: col('customer_id'),
          type: col('type'),
          properties: col('properties'),
          t: call('epoch_ms', [col('occurred_at')]),
        },
        {
          from: table('events'),
          where: and(
            isNotNull(col('customer_id')),
            lt(col('occurred_at'), val(new Date(asOf + 1))),
            ...(earliest === Number.NEGATIVE_INFINITY
              ? []
              : [ge(col('occurred_at'), val(new Date(earliest)))]),
            inList(
              col('type'),
              types.map((t) => val(t)),
            ),
          ),
        },
      ),
    });
  }
  const needsAgg = aggregates.length > 0 || onlyEventCustomers;
  if (needsAgg) {
    const cols: Record<string, Expr> = { customer_id: col('customer_id') };
    aggregates.forEach((a, i) => {
      cols[`a${i}`] = a;
    });
    ctes.push({
      name: 'ev_agg',
      query: select(cols, { from: table(EVENT_ROWS), groupBy: [col('customer_id')] }),
    });
  }
  idSets.forEach((q, i) => {
    ctes.push({ name: `q${i}`, query: q });
  });

  const joins: Join[] = [];
  if (!onlyEventCustomers) {
    ctes.push(validMarkCte('universe_mark'));
    ctes.push({ name: 'universe', query: universeQuery('universe_mark') });
    if (needsAgg)
      joins.push({ type: 'LEFT', from: table('ev_agg', 'a'), on: eq(col('customer_id', 'a'), customerId) });
  }
  if (customers)
    joins.push({ type: 'LEFT', from: table('customers', 'c'), on: eq(col('customer_id', 'c'), customerId) });
  if (scores) {
    joins.push({
      type: 'LEFT',
      from: { kind: 'subquery', query: latestScores(), alias: 's' },
      on: eq(col('customer_id', 's'), customerId),
    });
  }
  return select(
    { customer_id: customerId },
    {
      with: ctes,
      from: onlyEventCustomers ? table('ev_agg', 'a') : table('universe', 'u'),
      joins,
      where,
      orderBy: [asc(customerId)],
    },
  );
}
