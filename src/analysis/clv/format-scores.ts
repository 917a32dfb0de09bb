import type { ClvScores } from './score-clv.js';
import { fmtInt, fmtNum, textTable } from './text-table.js';
import type { ScoreRow } from './top-customers.js';

const num = (v: unknown, digits: number) => (typeof v === 'number' ? fmtNum(v, digits) : '–');
const band = (r: ScoreRow, name: string, digits: number) =>
  r[`${name}_low`] === null || r[`${name}_low`] === undefined
    ? num(r[name], digits)
    : `${num(r[name], digits)} [${num(r[`${name}_low`], digits)}–${num(r[`${name}_high`], digits)}]`;

function sum(s: ClvScores, name: string): number | null {
  const col = s.table.columns[name] ?? [];
  let total = 0;
  let any = false;
  for (const v of col) {
    if (typeof v === 'number') {
      total += v;
      any = true;
    }
  }
  return any ? total : null;
}

/** `segmenta clv score` as text: what was fitted, totals, and the top customers with their intervals. */
export function formatScores(s: ClvScores, top: readonly ScoreRow[]): string {
  const spend = sum(s, 'expected_spend');
  const clv = sum(s, 'clv');
  const lines = [
    `CLV scores as of ${s.asOf}, horizon ${fmtInt(s.horizonDays)} days (time unit ${s.unit})`,
    `  purchase model ${s.modelReason}${s.modelIds.purchase !== null ? ` · model ${s.modelIds.purchase}` : ''}`,
    `  spend model ${s.spendModel ? `Gamma-Gamma${s.modelIds.spend !== null ? ` · model ${s.modelIds.spend}` : ''}` : 'none (see warnings)'}`,
    `  ${fmtInt(s.customers)} customers scored (${fmtInt(s.distinctRows)} distinct patterns) in ${s.seconds.toFixed(2)} s; intervals ${s.intervals ? `${Math.round(((1 - s.intervals.level) / 2) * 100)}%–${Math.round(((1 + s.intervals.level) / 2) * 100)}% from ${s.intervals.draws} parametric-bootstrap draws` : 'none'}`,
    `  totals: ${fmtNum(sum(s, 'expected_purchases') ?? 0, 1)} expected purchases${spend !== null ? `, ${fmtNum(spend, 0)} expected spend` : ''}${clv !== null ? `, ${fmtNum(clv, 0)} discounted CLV` : ''}`,
    '',
    `Top ${top.length} customers by ${clv !== null ? 'CLV' : 'expected purchases'}:`,
    textTable(
      ['customer', 'P(alive)', 'expected purchases', 'expected spend', 'CLV', 'next order'],
      top.map((r) => [
        String(r.customer_id),
        band(r, 'p_alive', 3),
        band(r, 'expected_purchases', 2),
        num(r.expected_spend, 2),
        band(r, 'clv', 2),
        String(r.next_order_date ?? '–'),
      ]),
    ),
  ];
  for (const w of s.warnings) lines.push(`warning: ${w}`);
  return lines.join('\n');
}
