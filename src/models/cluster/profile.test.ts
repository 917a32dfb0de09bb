import { describe, expect, it } from 'vitest';
import { nameCluster, uniqueNames } from './cluster-name.js';
import { matrixFromRows } from './matrix.js';
import { profileClusters } from './profile.js';

const vocabulary = {
  recency: ['recent', 'lapsed'],
  frequency: ['frequent', 'occasional'],
  monetary: ['high-spenders', 'low-spenders'],
  weekend_share: ['weekend', 'weekday'],
} as const;

describe('cluster names', () => {
  it('puts the strongest features first and nouns last', () => {
    const name = nameCluster(
      [
        { feature: 'monetary', smd: 0.8 },
        { feature: 'frequency', smd: 1.2 },
        { feature: 'recency', smd: 0.9 },
        { feature: 'weekend_share', smd: 0.1 },
      ],
      vocabulary,
    );
    expect(name).toBe('Frequent recent high-spenders');
  });

  it('uses the "below" words, a default noun and "Typical" when nothing stands out', () => {
    const below = [
      { feature: 'weekend_share', smd: 0.7 },
      { feature: 'frequency', smd: -0.5 },
    ];
    expect(nameCluster(below, vocabulary)).toBe('Weekend occasional customers');
    expect(nameCluster([{ feature: 'frequency', smd: 0.1 }], vocabulary)).toBe('Typical customers');
    expect(
      nameCluster(below, { weekend_share: { above: 'weekend shoppers', below: 'weekday shoppers' } }),
    ).toBe('Weekend shoppers');
    expect(uniqueNames(['A', 'B', 'A'])).toEqual(['A', 'B', 'A (2)']);
  });
});

describe('profileClusters', () => {
  it('reports size, share, standardised differences and a name per cluster', () => {
    const x = matrixFromRows([
      [1, 20, 500],
      [2, 18, 450],
      [300, 1, 20],
      [280, 2, 25],
      [150, 5, 100],
      [160, 6, 90],
    ]);
    const profiles = profileClusters(x, Int32Array.from([0, 0, 1, 1, 2, 2]), {
      featureNames: ['recency', 'frequency', 'monetary'],
      // Recency in days since the last purchase: high means lapsed.
      vocabulary: { ...vocabulary, recency: ['lapsed', 'recent'] },
      topK: 2,
    });
    expect(profiles.map((p) => p.size)).toEqual([2, 2, 2]);
    expect(profiles[0]!.share).toBeCloseTo(1 / 3, 12);
    expect(profiles[0]!.distinguishing).toHaveLength(2);
    expect(profiles[0]!.name).toBe('Frequent recent high-spenders');
    expect(profiles[1]!.name).toBe('Lapsed occasional low-spenders');
    // Frequency: base mean 52 / 6, population sd over the six rows; cluster 0 mean 19.
    const frequency = [20, 18, 1, 2, 5, 6];
    const mean = frequency.reduce((a, b) => a + b, 0) / 6;
    const sd = Math.sqrt(frequency.reduce((a, b) => a + (b - mean) ** 2, 0) / 6);
    const top = profiles[0]!.distinguishing.find((f) => f.feature === 'frequency')!;
    expect(top.smd).toBeCloseTo((19 - mean) / sd, 12);
    expect(top.direction).toBe('above');
    expect(JSON.parse(JSON.stringify(profiles))[0].means.monetary).toBe(475);
  });
});
