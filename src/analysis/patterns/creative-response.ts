import type { Expr, Select } from '../../sql/ast.js';
import {
  and,
  asc,
  bin,
  call,
  cast,
  col,
  eq,
  gt,
  isNotNull,
  lt,
  not,
  select,
  star,
  table,
  val,
} from '../../sql/build.js';
import type { ColumnTable } from '../../warehouse/column-table.js';
import type { Warehouse } from '../../warehouse/warehouse.js';
import { numberAt } from './number-at.js';
import type { ResolvedPatternOptions } from './options.js';
import {
  compareRateRatios,
  compareRates,
  type RateComparison,
  type RatePairMoments,
  subtractRatePairMoments,
} from './rate-ratio.js';

/**
 * Creative-type response per segment, from `campaign_responses`: the conversion rate of treated sends with
 * creative A against creative B (control rows excluded from the rates; they give the uplift), tested within the
 * segment, and the segment's A/B ratio tested against the other customers' ratio, so a shop-wide preference is
 * not reported as a trait of every segment. Customers are the clusters (each receives many campaigns).
 */
export interface CreativeTest {
  readonly segment: string;
  readonly inSegment: RatePairMoments;
  readonly others: RatePairMoments;
  readonly controls: { readonly a: number; readonly ka: number; readonly b: number; readonly kb: number };
  readonly within: RateComparison;
  readonly versus: ReturnType<typeof compareRateRatios>;
}

const X = ['ka', 'na', 'kb', 'nb'] as const;
const PRODUCTS = [
  ['kaKa', 'ka', 'ka'],
  ['kaNa', 'ka', 'na'],
  ['kaKb', 'ka', 'kb'],
  ['kaNb', 'ka', 'nb'],
  ['naNa', 'na', 'na'],
  ['naKb', 'na', 'kb'],
  ['naNb', 'na', 'nb'],
  ['kbKb', 'kb', 'kb'],
  ['kbNb', 'kb', 'nb'],
  ['nbNb', 'nb', 'nb'],
] as const;

/** Per segment and for the whole base: treated and control sends and conversions of A and B, with moments. */
export function creativeMomentQueries(
  segments: Select,
  creatives: readonly [string, string],
  cutoff: Date | null,
): { bySegment: Select; base: Select } {
  const sentAt = call('coalesce', [col('sent_at', 'r'), col('sent_at', 'c')]);
  const converted = isNotNull(col('converted_at', 'r'));
  const resp = select(
    {
      customer_id: col('customer_id', 'r'),
      creative: call('lower', [call('coalesce', [col('creative_type', 'r'), col('creative_type', 'c')])]),
      control: call('coalesce', [col('is_control', 'r'), val(false)]),
      conv: cutoff ? and(converted, lt(col('converted_at', 'r'), val(cutoff))) : converted,
    },
    {
      from: table('campaign_responses', 'r'),
      joins: [
        {
          type: 'LEFT',
          from: table('campaigns', 'c'),
          on: eq(col('campaign_id', 'r'), col('campaign_id', 'c')),
        },
      ],
      ...(cutoff ? { where: lt(sentAt, val(cutoff)) } : {}),
    },
  );
  const count = (filter: Expr) => call('count', [star()], { filter });
  const isA = eq(col('creative'), val(creatives[0]));
  const isB = eq(col('creative'), val(creatives[1]));
  const treated = not(col('control'));
  const pc = select(
    {
      customer_id: col('customer_id'),
      ka: count(and(isA, treated, col('conv'))),
      na: count(and(isA, treated)),
      kb: count(and(isB, treated, col('conv'))),
      nb: count(and(isB, treated)),
      cka: count(and(isA, col('control'), col('conv'))),
      cna: count(and(isA, col('control'))),
      ckb: count(and(isB, col('control'), col('conv'))),
      cnb: count(and(isB, col('control'))),
    },
    { from: table('resp'), groupBy: [col('customer_id')] },
  );
  const sum = (e: Expr) => cast(call('sum', [e]), 'DOUBLE');
  const sums: Record<string, Expr> = {
    customers: call('count', [star()], { filter: gt(bin('+', col('na'), col('nb')), val(0)) }),
  };
  for (const x of [...X, 'cka', 'cna', 'ckb', 'cnb']) sums[x] = sum(col(x));
  for (const [name, a, b] of PRODUCTS) sums[name] = sum(bin('*', col(a), col(b)));
  const ctes = [
    { name: 'resp', query: resp },
    { name: 'pc', query: pc },
  ];
  return {
    bySegment: select(
      { segment: col('segment', 'seg'), ...sums },
      {
        with: [{ name: 'seg', query: segments }, ...ctes],
        from: table('pc'),
        joins: [
          { type: 'INNER', from: table('seg'), on: eq(col('customer_id', 'pc'), col('customer_id', 'seg')) },
        ],
        groupBy: [col('segment', 'seg')],
        orderBy: [asc(col('segment', 'seg'))],
      },
    ),
    base: select(sums, { with: ctes, from: table('pc') }),
  };
}

function pairMoments(t: ColumnTable, i: number): RatePairMoments {
  const m: Record<string, number> = { customers: numberAt(t, 'customers', i) };
  for (const x of X) m[x] = numberAt(t, x, i);
  for (const [name] of PRODUCTS) m[name] = numberAt(t, name, i);
  return m as unknown as RatePairMoments;
}

/**
 * Test every segment with at least `minSupport` treated sends of each creative and `minSupport` conversions
 * in all (segment totals, which do not favour either creative).
 */
export async function runCreativeTests(
  wh: Warehouse,
  segments: Select,
  o: ResolvedPatternOptions,
): Promise<CreativeTest[]> {
  const q = creativeMomentQueries(segments, o.creatives, o.cutoff);
  const bySegment = await wh.query(q.bySegment);
  const base = await wh.query(q.base);
  if (base.rowCount === 0) return [];
  const all = pairMoments(base, 0);
  const tests: CreativeTest[] = [];
  for (let i = 0; i < bySegment.rowCount; i++) {
    const inSegment = pairMoments(bySegment, i);
    if (inSegment.na < o.minSupport || inSegment.nb < o.minSupport) continue;
    if (inSegment.ka + inSegment.kb < o.minSupport) continue;
    const others = subtractRatePairMoments(all, inSegment);
    if (others.customers < 2) continue;
    tests.push({
      segment: String(bySegment.columns.segment?.[i]),
      inSegment,
      others,
      controls: {
        a: numberAt(bySegment, 'cna', i),
        ka: numberAt(bySegment, 'cka', i),
        b: numberAt(bySegment, 'cnb', i),
        kb: numberAt(bySegment, 'ckb', i),
      },
      within: compareRates(inSegment),
      versus: compareRateRatios(inSegment, others),
    });
  }
  return tests;
}
