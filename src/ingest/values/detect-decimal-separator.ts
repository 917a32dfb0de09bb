import { splitAffixes } from './number-affixes.js';
import { numberShape, separatorUse } from './number-shape.js';
import type { DecimalOption } from './parse-number.js';

/**
 * Decides a column's decimal separator from sample values so the whole column reads one way: `12,50` or
 * `1.234,5` vote comma, `12.5` or `1,234.5` or `1,234,567` vote dot. Majority wins; the minority then fails
 * to parse with a reason naming the separator expected. 'auto' when no value tells (only integers, or only
 * ambiguous `1,234`): parseNumber then decides per value and reports the ambiguous ones.
 */
export function detectDecimalSeparator(samples: readonly string[]): DecimalOption {
  let dotVotes = 0;
  let commaVotes = 0;
  for (const sample of samples) {
    const t = sample.trim();
    if (t === '') continue;
    const affixes = splitAffixes(t, sample);
    if (!affixes.ok) continue;
    const shape = numberShape(affixes.value.body);
    if (shape === null) continue;
    const use = separatorUse(shape);
    const vote =
      use.kind === 'decimal' || use.kind === 'both'
        ? use.decimal
        : use.kind === 'thousands'
          ? use.thousands === '.'
            ? ','
            : '.'
          : null;
    if (vote === '.') dotVotes++;
    else if (vote === ',') commaVotes++;
  }
  if (dotVotes === 0 && commaVotes === 0) return 'auto';
  return dotVotes >= commaVotes ? '.' : ',';
}
