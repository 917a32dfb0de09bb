import { assertNever } from '../../core/assert-never.js';
import { err, ok, type Result } from '../../core/result.js';
import { splitAffixes } from './number-affixes.js';
import { type NumberShape, numberShape, separatorUse } from './number-shape.js';
import { quoted, type Reason } from './reason.js';

/** The decimal separator of a column: stated (`--decimal`), detected, or decided per value ('auto'). */
export type DecimalOption = '.' | ',' | 'auto';

const INTEGER = /^-?\d+$/;
const PLAIN_DOT = /^-?\d+(?:\.\d+)?$/;
const SCIENTIFIC = /^(?:\d+\.?\d*|\.\d+)[eE][-+]?\d+$/;

/**
 * Parses a number written the way people and spreadsheets write them: `1234.5`, `1,234.50`, `1.234,50`,
 * `1 234,5`, `€ 12,50`, `12.50 €`, `$12`, `-3`, `1e-3`. With `decimal` stated, the other mark may only
 * separate thousands in groups of three. With 'auto', a lone `1,234` or `1.234` is refused as ambiguous.
 */
export function parseNumber(text: string, decimal: DecimalOption): Result<number, Reason> {
  const t = text.trim();
  if (INTEGER.test(t) || (decimal === '.' && PLAIN_DOT.test(t))) return ok(normalizeZero(Number(t)));
  if (t === '') return err('expected a number but the value is empty');
  const affixes = splitAffixes(t, text);
  if (!affixes.ok) return affixes;
  const { body, negative } = affixes.value;
  let value: number;
  if (decimal !== ',' && SCIENTIFIC.test(body)) {
    value = Number(body);
  } else {
    const shape = numberShape(body);
    if (shape === null) return err(`not a number: ${quoted(text)}`);
    let dec: '.' | ',' | null;
    if (decimal === 'auto') {
      const use = separatorUse(shape);
      switch (use.kind) {
        case 'integer':
          dec = null;
          break;
        case 'decimal':
        case 'both':
          dec = use.decimal;
          break;
        case 'thousands':
          dec = use.thousands === '.' ? ',' : '.';
          break;
        case 'ambiguous':
          return err(ambiguous(text, use.sep));
        case 'invalid':
          return err(`not a number: ${quoted(text)}`);
        default:
          return assertNever(use, 'separator use');
      }
    } else dec = decimal;
    const digits = canonicalDigits(shape, dec);
    if (digits === null) {
      const thousands = decimal === ',' ? '.' : ',';
      return err(
        decimal === 'auto'
          ? `not a number: ${quoted(text)}`
          : `not a number: ${quoted(text)} (expected "${decimal}" as the decimal separator and "${thousands}" only between groups of three digits)`,
      );
    }
    value = Number(digits);
  }
  if (!Number.isFinite(value)) return err(`not a number: ${quoted(text)} (too large)`);
  return ok(normalizeZero(negative ? -value : value));
}

export const ambiguous = (text: string, sep: '.' | ','): Reason =>
  `ambiguous number ${quoted(text)} (is the ${sep === ',' ? 'comma' : 'dot'} a decimal or a thousands separator? pass --decimal , or --decimal .)`;

/** `1.234,5` with ',' → '1234.5'; null when the separators do not fit the decimal mark. */
function canonicalDigits(shape: NumberShape, dec: '.' | ',' | null): string | null {
  const { groups, seps } = shape;
  let intGroups = groups;
  let fraction = '';
  let thousands = seps;
  if (dec !== null && seps.length > 0 && seps[seps.length - 1] === dec) {
    intGroups = groups.slice(0, -1);
    fraction = groups[groups.length - 1]!;
    thousands = seps.slice(0, -1);
  }
  if (thousands.length > 0) {
    const mark = thousands[0]!;
    if (mark === dec || thousands.some((s) => s !== mark)) return null;
    if (intGroups[0]!.length < 1 || intGroups[0]!.length > 3) return null;
    for (let g = 1; g < intGroups.length; g++) if (intGroups[g]!.length !== 3) return null;
  }
  const int = intGroups.join('') || '0';
  return fraction === '' ? int : `${int}.${fraction}`;
}

const normalizeZero = (n: number): number => (n === 0 ? 0 : n);
