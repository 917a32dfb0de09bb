import type { SegmentStatus } from './store/segment-status.js';
import type { SegmentRecord } from './store/segment-store.js';

export interface Freshness {
  readonly state: 'current' | 'stale' | 'failed' | 'never';
  /** One sentence for people: how current the membership is and what to do when it is not. */
  readonly note: string;
}

const ago = (ms: number): string => {
  const m = Math.round(ms / 60_000);
  if (m < 60) return `${m} min ago`;
  const h = Math.round(m / 60);
  return h < 48 ? `${h} h ago` : `${Math.round(h / 24)} days ago`;
};

/** How current a segment's recorded membership is: never silently stale. */
export function freshness(s: SegmentRecord, status: SegmentStatus | undefined, now: number): Freshness {
  if (!status) return { state: 'never', note: 'never evaluated: run segmenta segments evaluate' };
  const iso = new Date(status.asOf).toISOString();
  if (status.error)
    return { state: 'failed', note: `failed ${ago(now - (status.errorAt ?? now))}: ${status.error}` };
  if (status.version < s.version) {
    return {
      state: 'stale',
      note: `stale: version ${s.version} not evaluated yet (members are of version ${status.version})`,
    };
  }
  if (status.mode === 'live') {
    return {
      state: 'current',
      note: `live until ${iso} (${ago(now - status.asOf)}); current whenever the live engine runs`,
    };
  }
  return {
    state: 'current',
    note: `batch as of ${iso} (${ago(now - status.asOf)}); re-run segmenta segments evaluate for now`,
  };
}
