import type { SegmentRecord, SegmentStatus } from '../../../segments/index.js';

export const iso = (ms: number | null | undefined): string | null =>
  ms === null || ms === undefined ? null : new Date(ms).toISOString();

/** A status row as the API shows it (instants as ISO strings). */
export const statusView = (st: SegmentStatus | undefined) =>
  st === undefined
    ? null
    : {
        ...st,
        evaluatedAt: iso(st.evaluatedAt),
        asOf: iso(st.asOf),
        errorAt: iso(st.errorAt),
      };

/** A saved segment as the API shows it. */
export const segmentView = (s: SegmentRecord) => ({
  id: s.id,
  name: s.name,
  version: s.version,
  definition: s.definition,
  createdAt: iso(s.createdAt),
  updatedAt: iso(s.updatedAt),
});
