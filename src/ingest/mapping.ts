import { invalidInput } from '../core/errors.js';
import type { EntitySpec } from './entities/entity.js';
import { normaliseHeader } from './entities/field.js';

/** Which source column (0-based) feeds each field, and which columns match no field. */
export interface ResolvedMapping {
  readonly fields: ReadonlyMap<string, number>;
  readonly extras: readonly number[];
  /** Human-readable `field ← column` lines, for the import report. */
  readonly describe: readonly string[];
}

/**
 * Map source columns to entity fields: explicit `--map field=column` first (a header name or a 1-based column
 * number), then automatic matching of English and Spanish header names. Headerless files are mapped by number.
 */
export function resolveMapping(
  entity: EntitySpec,
  header: readonly string[],
  explicit: Readonly<Record<string, string>> = {},
): ResolvedMapping {
  const fields = new Map<string, number>();
  const used = new Set<number>();
  const byName = new Map(entity.fields.map((f) => [f.name, f]));

  for (const [field, column] of Object.entries(explicit)) {
    if (!byName.has(field)) {
      throw invalidInput(
        `--map ${field}=${column}: ${entity.name} has no field ${field}`,
        `fields of ${entity.name}: ${entity.fields.map((f) => f.name).join(', ')}`,
      );
    }
    let idx = header.indexOf(column);
    if (idx < 0) idx = header.findIndex((h) => normaliseHeader(h) === normaliseHeader(column));
    if (idx < 0 && /^#?\d+$/.test(column)) idx = Number(column.replace('#', '')) - 1;
    if (idx < 0 || idx >= header.length) {
      throw invalidInput(
        `--map ${field}=${column}: the file has no column ${JSON.stringify(column)}`,
        `columns are: ${header.map((h, i) => `${i + 1}:${JSON.stringify(h)}`).join(', ')}`,
      );
    }
    fields.set(field, idx);
    used.add(idx);
  }

  const normalised = header.map(normaliseHeader);
  for (const f of entity.fields) {
    if (fields.has(f.name)) continue;
    for (const alias of f.aliases) {
      const idx = normalised.findIndex((h, i) => h === alias && !used.has(i));
      if (idx >= 0) {
        fields.set(f.name, idx);
        used.add(idx);
        break;
      }
    }
  }

  const missing = entity.fields.filter((f) => f.required && !fields.has(f.name));
  if (missing.length > 0) {
    const names = missing.map((f) => f.name).join(', ');
    throw invalidInput(
      `no column for required field${missing.length > 1 ? 's' : ''} ${names} of ${entity.name}`,
      `columns are: ${header.map((h, i) => `${i + 1}:${JSON.stringify(h)}`).join(', ')}; map one with --map ${missing[0]!.name}=<column name or number>`,
    );
  }

  const extras = header.map((_, i) => i).filter((i) => !used.has(i));
  const describe = [...fields.entries()]
    .sort((a, b) => a[1] - b[1])
    .map(([f, i]) => `${f} ← ${JSON.stringify(header[i])}`);
  return { fields, extras, describe };
}
