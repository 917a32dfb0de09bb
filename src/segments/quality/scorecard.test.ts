import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/rng.js';
import { fitKMeans, makeBlobs, silhouetteScore } from '../../models/cluster/index.js';
import { distinction } from './distinction.js';
import { homogeneity } from './homogeneity.js';
import { segmentScorecard } from './scorecard.js';
import { segmentSizes } from './segment-sizes.js';

const names = ['bargain', 'loyal', 'new'];

describe('segment-quality scorecard', () => {
  const { x, labels } = makeBlobs({ n: 3000, d: 3, k: 3, centreSpread: 10, noise: 1, seed: 12 });
  const good = Array.from(labels, (l) => names[l]!);
  // A rule segmentation that ignores the structure: random labels.
  const rng = createRng(4);
  const random = Array.from(labels, () => names[rng.int(3)]!);

  it('sizes and shares', () => {
    const sizes = segmentSizes(good);
    expect(sizes.reduce((s, v) => s + v.size, 0)).toBe(3000);
    expect(sizes.reduce((s, v) => s + v.share, 0)).toBeCloseTo(1, 12);
    expect(sizes[0]!.size).toBeGreaterThanOrEqual(sizes[1]!.size);
  });

  it('homogeneity: true segments are tight, random ones are as spread as the base', () => {
    const h = homogeneity(x, good, { featureNames: ['a', 'b', 'c'] });
    expect(h.rSquared).toBeGreaterThan(0.8);
    for (const s of h.segments) expect(s.relativeDispersion).toBeLessThan(0.3);
    expect(Object.keys(h.segments[0]!.byFeature!)).toEqual(['a', 'b', 'c']);
    const r = homogeneity(x, random);
    expect(r.rSquared).toBeLessThan(0.01);
    for (const s of r.segments) expect(s.relativeDispersion).toBeGreaterThan(0.95);
  });

  it('distinction: silhouette on a sample, centre distances, overlap', () => {
    const d = distinction(x, good, { sampleSize: 1000, seed: 1 });
    expect(d.silhouetteRows).toBe(1000);
    // The sampled silhouette estimates the exact one.
    const exact = silhouetteScore(x, Int32Array.from(labels));
    expect(Math.abs(d.silhouette! - exact)).toBeLessThan(0.03);
    expect(d.overlap).toBeLessThan(0.02);
    expect(d.centreDistances[0]![0]).toBe(0);
    expect(d.centreDistances[0]![1]).toBe(d.centreDistances[1]![0]);
    const r = distinction(x, random, { sampleSize: 1000 });
    expect(r.silhouette!).toBeLessThan(0.05);
    expect(r.overlap).toBeGreaterThan(0.3);
  });

  it('puts it together as plain JSON, with stability against a previous run and bootstrap', () => {
    const previous = Array.from(good);
    previous[0] = previous[0] === 'new' ? 'loyal' : 'new';
    const card = segmentScorecard(x, good, {
      previous,
      sampleSize: 800,
      bootstrap: {
        rounds: 5,
        fit: (rows, seed) => {
          const m = fitKMeans(rows, { k: 3, seed, nInit: 1 });
          return (all) => m.predict(all);
        },
      },
    });
    expect(card.rows).toBe(3000);
    expect(card.segments.map((s) => s.segment)).toEqual(names);
    expect(card.stability!.kept).toBeCloseTo(2999 / 3000, 12);
    expect(card.bootstrap!.meanJaccard).toBeGreaterThan(0.95);
    expect(card.bootstrap!.verdict).toBe('highly stable');
    expect(JSON.parse(JSON.stringify(card))).toEqual(card);
  });

  it('works for any labelling, including one segment', () => {
    const card = segmentScorecard(x, new Array(3000).fill('everyone'));
    expect(card.overall.silhouette).toBeNull();
    expect(card.segments[0]!.nearestSegment).toBeNull();
    expect(card.overall.rSquared).toBeCloseTo(0, 12);
    expect(() => segmentScorecard(x, ['a'])).toThrow('labels: 1 labels for 3000 rows');
  });
});
