/**
 * The body of a number split into digit groups and the separators between them, e.g. `1.234,50` →
 * groups ['1','234','50'], seps ['.', ',']. Spaces of any width (regular, no-break, narrow no-break) read as ' '.
 */
export interface NumberShape {
  readonly groups: readonly string[];
  readonly seps: readonly ('.' | ',' | ' ')[];
}

const isSpace = (c: number): boolean => c === 32 || c === 0xa0 || c === 0x202f || c === 0x2009;

/** Null when the body has anything but digits and separators, or two separators in a row. */
export function numberShape(body: string): NumberShape | null {
  const groups: string[] = [];
  const seps: ('.' | ',' | ' ')[] = [];
  let start = 0;
  for (let i = 0; i <= body.length; i++) {
    const c = i < body.length ? body.charCodeAt(i) : -1;
    if (c >= 48 && c <= 57) continue;
    const sep = c === 46 ? '.' : c === 44 ? ',' : isSpace(c) ? ' ' : c === -1 ? null : undefined;
    if (sep === undefined) return null;
    groups.push(body.slice(start, i));
    if (sep !== null) seps.push(sep);
    start = i + 1;
  }
  // Only the first group may be empty (`.5`), and only before a single separator.
  for (let g = 1; g < groups.length; g++) if (groups[g] === '') return null;
  if (groups[0] === '' && groups.length !== 2) return null;
  return { groups, seps };
}

export type SeparatorUse =
  | { readonly kind: 'integer' }
  | { readonly kind: 'decimal'; readonly decimal: '.' | ',' }
  | { readonly kind: 'thousands'; readonly thousands: '.' | ',' }
  | { readonly kind: 'both'; readonly decimal: '.' | ',' }
  | { readonly kind: 'ambiguous'; readonly sep: '.' | ',' }
  | { readonly kind: 'invalid' };

/** Valid thousands grouping for the groups before the decimal part: 1–3 digits, then exactly 3 each. */
const groupedInThrees = (groups: readonly string[]): boolean =>
  groups.length > 0 &&
  groups[0]!.length >= 1 &&
  groups[0]!.length <= 3 &&
  groups.slice(1).every((g) => g.length === 3);

/**
 * What the separators of a number say on their own, without a column-level decision. One `.` or `,` followed by
 * exactly three digits after 1–3 leading digits (not a lone 0) is ambiguous: `1,234` is 1234 or 1.234.
 */
export function separatorUse(shape: NumberShape): SeparatorUse {
  const { groups, seps } = shape;
  if (seps.length === 0) return { kind: 'integer' };
  const marks = seps.filter((s) => s !== ' ');
  const hasSpace = marks.length !== seps.length;
  if (marks.length === 0) return groupedInThrees(groups) ? { kind: 'integer' } : { kind: 'invalid' };
  const dot = marks.includes('.');
  const comma = marks.includes(',');
  if (dot && comma) {
    const decimal = seps[seps.length - 1]!;
    if (decimal === ' ' || marks.indexOf(decimal) !== marks.length - 1) return { kind: 'invalid' };
    return { kind: 'both', decimal };
  }
  const sep = dot ? '.' : ',';
  if (marks.length > 1) return { kind: 'thousands', thousands: sep };
  // A single mark: with spaces as the thousands separator it must be the decimal one.
  if (hasSpace || seps[seps.length - 1] !== sep) return { kind: 'decimal', decimal: sep };
  const before = groups.slice(0, -1);
  const after = groups[groups.length - 1]!;
  if (after.length === 3 && groupedInThrees(before) && before[0] !== '0' && before[0] !== '') {
    return { kind: 'ambiguous', sep };
  }
  return { kind: 'decimal', decimal: sep };
}
