import { notFound, SegmentaError } from '../../core/errors.js';
import type { ColumnTable } from '../../warehouse/column-table.js';
import type { Warehouse } from '../../warehouse/warehouse.js';
import type { SegmentDefinitionInput } from '../schema/definition.js';

export interface SegmentRecord {
  readonly id: number;
  readonly name: string;
  readonly version: number;
  readonly definition: SegmentDefinitionInput;
  readonly createdAt: number;
  readonly updatedAt: number;
}

export interface SegmentVersion {
  readonly version: number;
  readonly definition: SegmentDefinitionInput;
  readonly note: string | null;
  readonly createdAt: number;
}

const rows = (t: ColumnTable): SegmentRecord[] =>
  Array.from({ length: t.rowCount }, (_, i) => ({
    id: Number(t.columns.segment_id![i]),
    name: String(t.columns.name![i]),
    version: Number(t.columns.current_version![i]),
    definition: JSON.parse(String(t.columns.definition![i])) as SegmentDefinitionInput,
    createdAt: Number(t.columns.created_at![i]),
    updatedAt: Number(t.columns.updated_at![i]),
  }));

const SELECT = `SELECT s.segment_id, s.name, s.current_version, v.definition, s.created_at, s.updated_at
  FROM segments s JOIN segment_versions v ON v.segment_id = s.segment_id AND v.version = s.current_version`;

/** Every segment at its current version, by name. */
export async function listSegments(wh: Warehouse): Promise<SegmentRecord[]> {
  return rows(await wh.query({ sql: `${SELECT} ORDER BY s.name`, params: [] }));
}

export async function findSegment(wh: Warehouse, name: string): Promise<SegmentRecord | undefined> {
  return rows(await wh.query({ sql: `${SELECT} WHERE s.name = $1`, params: [name] }))[0];
}

export async function getSegment(wh: Warehouse, name: string): Promise<SegmentRecord> {
  const s = await findSegment(wh, name);
  if (!s) throw notFound(`segment "${name}" does not exist`, 'segmenta segments list shows the segments');
  return s;
}

/**
 * Save a definition: a new segment at version 1, or (when `update`) the next version of an existing one. The
 * old versions stay: that is the edit history.
 */
export async function saveSegment(
  wh: Warehouse,
  definition: SegmentDefinitionInput,
  options: { update: boolean; note?: string; now: number },
): Promise<SegmentRecord> {
  return wh.transaction(async () => {
    const existing = await findSegment(wh, definition.name);
    const at = new Date(options.now);
    if (existing && !options.update) {
      throw new SegmentaError(
        'conflict',
        `segment "${definition.name}" already exists (version ${existing.version})`,
        'use segmenta segments update FILE.json to save a new version',
      );
    }
    if (!existing && options.update)
      throw notFound(`segment "${definition.name}" does not exist`, 'create it first');
    let id: number;
    let version: number;
    if (existing) {
      id = existing.id;
      version = existing.version + 1;
      await wh.execute('UPDATE segments SET current_version = $2, updated_at = $3 WHERE segment_id = $1', [
        id,
        version,
        at,
      ]);
    } else {
      const max = await wh.query({
        sql: 'SELECT coalesce(max(segment_id), 0) AS m FROM segments',
        params: [],
      });
      id = Number(max.columns.m![0]) + 1;
      version = 1;
      await wh.execute('INSERT INTO segments VALUES ($1, $2, 1, $3, $3)', [id, definition.name, at]);
    }
    await wh.execute('INSERT INTO segment_versions VALUES ($1, $2, $3, $4, $5)', [
      id,
      version,
      JSON.stringify(definition),
      options.note ?? null,
      at,
    ]);
    return (await findSegment(wh, definition.name))!;
  });
}

/** Every saved version of a segment, oldest first. */
export async function segmentVersions(wh: Warehouse, segmentId: number): Promise<SegmentVersion[]> {
  const t = await wh.query({
    sql: 'SELECT version, definition, note, created_at FROM segment_versions WHERE segment_id = $1 ORDER BY version',
    params: [segmentId],
  });
  return Array.from({ length: t.rowCount }, (_, i) => ({
    version: Number(t.columns.version![i]),
    definition: JSON.parse(String(t.columns.definition![i])) as SegmentDefinitionInput,
    note: t.columns.note![i] === null ? null : String(t.columns.note![i]),
    createdAt: Number(t.columns.created_at![i]),
  }));
}
