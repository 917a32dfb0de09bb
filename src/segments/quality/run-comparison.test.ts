import { describe, expect, it } from 'vitest';
import { compareRuns } from './run-comparison.js';

describe('compareRuns', () => {
  it('renumbered clusters: nothing kept by name, everything kept after matching, ARI 1', () => {
    const r = compareRuns([0, 0, 1, 1, 2, 2], [2, 2, 0, 0, 1, 1]);
    expect(r.kept).toBe(0);
    expect(r.keptMatched).toBe(1);
    expect(r.ari).toBe(1);
    expect(r.matching).toEqual({ '0': '2', '1': '0', '2': '1' });
  });

  it('RFM groups between two months: kept share and the transition matrix', () => {
    const before = ['champions', 'champions', 'at risk', 'at risk', 'new', 'new', 'new', 'champions'];
    const after = ['champions', 'at risk', 'at risk', 'lost', 'new', 'champions', 'new', 'champions'];
    const r = compareRuns(before, after);
    expect(r.rows).toBe(8);
    expect(r.kept).toBe(5 / 8);
    expect(r.transitions.from).toEqual(['at risk', 'champions', 'new']);
    expect(r.transitions.to).toEqual(['at risk', 'champions', 'lost', 'new']);
    expect(r.transitions.counts).toEqual([
      [1, 0, 1, 0],
      [1, 2, 0, 0],
      [0, 1, 0, 2],
    ]);
    expect(r.transitions.rowShares[1]).toEqual([1 / 3, 2 / 3, 0, 0]);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    expect(() => compareRuns([1], [1, 2])).toThrow('runs differ in length: 1 previous and 2 current labels');
  });
});
