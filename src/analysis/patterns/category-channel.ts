import type { Select } from '../../sql/ast.js';
import { and, col, eq, isNotNull, lt, select, table, val } from '../../sql/build.js';
import type { GridTest } from './grid-tests.js';
import type { ResolvedPatternOptions } from './options.js';
import { channelPhrase, formatLift, formatP, formatShare } from './phrasing.js';
import type { CategoryChannelStatement } from './statement.js';

/**
 * Category × channel over-indexing. A unit is one purchase order's lines of one category (an order with books
 * and toys counts once for each), of known customers; k1 = category, k2 = channel.
 */
export function categoryChannelUnits(cutoff: Date | null): Select {
  return select(
    { order_id: col('order_id'), customer_id: col('customer_id'), k1: col('category'), k2: col('channel') },
    {
      distinct: true,
      from: table('order_lines'),
      where: and(
        eq(col('status'), val('purchase')),
        isNotNull(col('customer_id')),
        isNotNull(col('category')),
        isNotNull(col('channel')),
        ...(cutoff ? [lt(col('ordered_at'), val(cutoff))] : []),
      ),
    },
  );
}

/** Statements from the tests (q-values in the same order): significant, over-indexed and supported cells. */
export function categoryChannelStatements(
  tests: readonly GridTest[],
  q: readonly number[],
  o: ResolvedPatternOptions,
): CategoryChannelStatement[] {
  const out: CategoryChannelStatement[] = [];
  tests.forEach((t, i) => {
    const r = t.result;
    const qi = q[i] ?? 1;
    if (qi >= o.alpha || r.z <= 0 || r.lift < o.minLift) return;
    if (t.inSegment.y < o.minSupport || t.segmentCustomers < o.minCustomers) return;
    const category = String(t.k1);
    const channel = String(t.k2);
    const via = channelPhrase(channel);
    out.push({
      kind: 'category_channel',
      segment: t.segment,
      cell: { category, channel },
      segmentShare: r.share1,
      baseShare: r.share2,
      lift: r.lift,
      liftLow: r.liftLow,
      p: r.p,
      q: qi,
      n: {
        segmentCell: t.inSegment.y,
        segmentTotal: t.inSegment.m,
        othersCell: t.others.y,
        othersTotal: t.others.m,
        segmentCustomers: t.segmentCustomers,
      },
      text: {
        en: `"${t.segment}" buys ${category} ${via.en} ${formatLift(r.lift, 'en')} more than other customers (${formatShare(r.share1, 'en')} of its purchases vs ${formatShare(r.share2, 'en')}; ${formatP(r.p, 'en')})`,
        es: `"${t.segment}" compra ${category} ${via.es} ${formatLift(r.lift, 'es')} más que el resto de clientes (${formatShare(r.share1, 'es')} de sus compras frente al ${formatShare(r.share2, 'es')}; ${formatP(r.p, 'es')})`,
      },
    });
  });
  return out;
}
