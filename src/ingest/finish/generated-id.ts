import { createHash } from 'node:crypto';
import type { RowFinisher } from './finisher.js';

/**
 * For entities whose rows may come without an id (events, messages): the id is a hash of the row's content plus
 * its occurrence among identical rows in the file, so re-importing a file finds the same ids and adds nothing.
 */
export function generatedIdFinisher(
  idField: string,
  contentFields: readonly string[],
  prefix: string,
): RowFinisher {
  const seen = new Map<string, number>();
  return (row) => {
    if (row[idField] !== null && row[idField] !== undefined) return null;
    const content = contentFields.map((f) => String(row[f] ?? '')).join('\u001f');
    const n = (seen.get(content) ?? 0) + 1;
    seen.set(content, n);
    row[idField] = `${prefix}${createHash('sha1').update(`${content}\u001f${n}`).digest('hex').slice(0, 20)}`;
    return null;
  };
}
