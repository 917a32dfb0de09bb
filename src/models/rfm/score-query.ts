import { assertNever } from '../../core/assert-never.js';
import type { Expr, Select } from '../../sql/ast.js';
import {
  and,
  asc,
  bin,
  call,
  caseWhen,
  cast,
  col,
  desc,
  eq,
  gt,
  inList,
  isNotNull,
  le,
  select,
  table,
  val,
} from '../../sql/build.js';
import type { Bins, RfmOptions } from './options.js';
import { NO_PURCHASES, type SegmentMap } from './segment-map.js';

const window = (fn: Expr, partitionBy: Expr[], orderBy: ReturnType<typeof asc>[]): Expr => ({
  kind: 'window',
  call: fn,
  partitionBy,
  orderBy,
});

const buyer = () => gt(col('frequency'), val(0));

/** Score 1-5 of `value` among buyers (5 best); `reversed` for recency, where fewer days is better. */
function scoreExpr(value: Expr, bins: Bins, reversed: boolean): Expr {
  const order = reversed ? desc(value) : asc(value);
  let score: Expr;
  switch (bins.kind) {
    case 'quantiles':
      if (bins.ties === 'customer_id') {
        score = window(call('ntile', [cast(val(5), 'INTEGER')]), [buyer()], [order, asc(col('customer_id'))]);
      } else {
        const rank = window(call('rank', []), [buyer()], [order]);
        const n = window(call('count', [val(1)]), [buyer()], []);
        score = bin('+', call('floor', [bin('/', bin('*', val(5), bin('-', rank, val(1))), n)]), val(1));
      }
      break;
    case 'thresholds': {
      const whens = bins.cuts.map((c, i) => ({
        when: le(value, val(c)),
        result: val(reversed ? 5 - i : i + 1),
      }));
      score = caseWhen(whens, val(reversed ? 1 : 5));
      break;
    }
    default:
      return assertNever(bins, 'RFM bins');
  }
  return caseWhen([{ when: buyer(), result: cast(score, 'INTEGER') }]);
}

const fm = (): Expr =>
  cast(
    call('floor', [bin('/', bin('+', bin('+', col('f_score'), col('m_score')), val(1)), val(2))]),
    'INTEGER',
  );

/** `CASE` over (r_score, fm_score) from the score map; customers without purchases get "No purchases". */
function segmentExpr(map: SegmentMap): Expr {
  const whens: { when: Expr; result: Expr }[] = [];
  map.forEach((row, r) => {
    const names = [...new Set(row)];
    for (const name of names) {
      const fms = row.flatMap((n, i) => (n === name ? [val(i + 1)] : []));
      whens.push({ when: and(eq(col('r_score'), val(r + 1)), inList(fm(), fms)), result: val(name) });
    }
  });
  return caseWhen(whens, val(NO_PURCHASES));
}

/**
 * RFM of every customer in `source` (a table with customer_id, recency_days, frequency, monetary_gross,
 * monetary_net): raw values, scores 1-5 among customers with at least one purchase (NULL for the others),
 * fm_score, the cell ("545") and the named group.
 */
export function rfmScoreQuery(source: string, options: RfmOptions): Select {
  const monetary = col(options.monetaryBasis === 'net' ? 'monetary_net' : 'monetary_gross');
  const scores = select(
    {
      customer_id: col('customer_id'),
      monetary: caseWhen([{ when: buyer(), result: monetary }]),
      r_score: scoreExpr(col('recency_days'), options.recency, true),
      f_score: scoreExpr(col('frequency'), options.frequency, false),
      m_score: scoreExpr(monetary, options.monetary, false),
    },
    { from: table(source) },
  );
  return select(
    {
      customer_id: col('customer_id'),
      monetary: col('monetary'),
      r_score: col('r_score'),
      f_score: col('f_score'),
      m_score: col('m_score'),
      fm_score: fm(),
      rfm_cell: caseWhen([
        {
          when: isNotNull(col('r_score')),
          result: call('concat', [col('r_score'), col('f_score'), col('m_score')]),
        },
      ]),
      rfm_segment: segmentExpr(options.segmentMap),
    },
    { from: { kind: 'subquery', query: scores, alias: 'scores' } },
  );
}
