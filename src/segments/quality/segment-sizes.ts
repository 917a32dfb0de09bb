import { encodeLabels } from '../../models/cluster/index.js';

export interface SegmentSize {
  readonly segment: string;
  readonly size: number;
  readonly share: number;
}

/** Members and share of the base per segment, largest first. */
export function segmentSizes(labels: ArrayLike<string | number>): SegmentSize[] {
  const { codes, names } = encodeLabels(labels);
  const sizes = new Array<number>(names.length).fill(0);
  for (let i = 0; i < codes.length; i++) sizes[codes[i]!]!++;
  return names
    .map((segment, c) => ({
      segment,
      size: sizes[c]!,
      share: codes.length > 0 ? sizes[c]! / codes.length : 0,
    }))
    .sort((a, b) => b.size - a.size || a.segment.localeCompare(b.segment));
}
