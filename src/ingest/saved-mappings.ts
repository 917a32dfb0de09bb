import { notFound } from '../core/errors.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import type { FormatOptions } from './field-parsers.js';

export interface SavedMapping {
  readonly map: Record<string, string>;
  readonly formats: FormatOptions;
}

/** Save a column mapping and the formats it was read with, to reuse on the next export of the same kind. */
export async function saveMapping(
  wh: Warehouse,
  name: string,
  entity: string,
  map: Record<string, string>,
  formats: FormatOptions,
): Promise<void> {
  await wh.execute(
    `INSERT INTO saved_mappings VALUES ($1, $2, $3, $4, now())
     ON CONFLICT (name, entity) DO UPDATE SET mapping = EXCLUDED.mapping, formats = EXCLUDED.formats, saved_at = EXCLUDED.saved_at`,
    [name, entity, JSON.stringify(map), JSON.stringify(formats)],
  );
}

export async function loadSavedMapping(wh: Warehouse, name: string, entity: string): Promise<SavedMapping> {
  const r = await wh.query({
    sql: 'SELECT mapping, formats FROM saved_mappings WHERE name = $1 AND entity = $2',
    params: [name, entity],
  });
  if (r.rowCount === 0) {
    const all = await listSavedMappings(wh);
    throw notFound(
      `no saved mapping ${JSON.stringify(name)} for ${entity}`,
      all.length
        ? `saved mappings: ${all.map((m) => `${m.name} (${m.entity})`).join(', ')}`
        : 'save one with --save-mapping NAME on an import',
    );
  }
  return {
    map: JSON.parse(String(r.columns.mapping![0])) as Record<string, string>,
    formats: JSON.parse(String(r.columns.formats![0])) as FormatOptions,
  };
}

export async function listSavedMappings(
  wh: Warehouse,
): Promise<{ name: string; entity: string; mapping: string }[]> {
  const r = await wh.query({
    sql: 'SELECT name, entity, mapping FROM saved_mappings ORDER BY name, entity',
    params: [],
  });
  return Array.from({ length: r.rowCount }, (_, i) => ({
    name: String(r.columns.name![i]),
    entity: String(r.columns.entity![i]),
    mapping: String(r.columns.mapping![i]),
  }));
}
