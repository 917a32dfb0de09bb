import { isBlankValue, isIdentifierLike, isTypedValue } from './cell-kind.js';

/**
 * Guesses whether the first record is a header. Evidence, strongest first:
 * 1. Columns whose later values are numbers/dates vote "header" when the first value is text and "data" when it
 *    is a number/date too (`customer_id` over `00001` vs `00004` over `00001`).
 * 2. Without such columns, a first row of distinct identifier-like names that never reappear as values below
 *    is a header (`Name,City` over `Ana,Madrid`).
 */
export function detectHeader(records: readonly (readonly string[])[]): boolean {
  const [first, ...rest] = records;
  if (first === undefined) return true;
  let headerVotes = 0;
  let dataVotes = 0;
  for (let j = 0; j < first.length; j++) {
    const head = first[j]!;
    if (isBlankValue(head)) continue;
    const below = rest.map((r) => r[j]).filter((v): v is string => v !== undefined && !isBlankValue(v));
    if (below.length === 0) continue;
    const typed = below.filter(isTypedValue).length;
    if (typed < 0.9 * below.length) continue; // a text column says nothing
    if (isTypedValue(head)) dataVotes++;
    else headerVotes++;
  }
  if (headerVotes > 0 || dataVotes > 0) return headerVotes > 0 && headerVotes >= dataVotes;
  const names = first.map((f) => f.trim());
  if (!names.every(isIdentifierLike) || new Set(names).size !== names.length) return false;
  return names.every((name, j) => rest.every((r) => r[j]?.trim() !== name));
}
