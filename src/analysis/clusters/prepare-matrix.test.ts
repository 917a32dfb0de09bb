import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/rng.js';
import { createMatrix, transformFromJson } from '../../models/cluster/index.js';
import { quantileSorted } from '../../models/cluster/transform/quantile.js';
import { CLUSTER_FEATURES, parseFeatureSelection } from './feature-sets.js';
import type { ClusterData } from './load-cluster-data.js';
import { CLIP, mergedQuantile, prepareMatrix } from './prepare-matrix.js';

const f = (name: string) => CLUSTER_FEATURES[name]!;

describe('mergedQuantile', () => {
  it('equals the quantile of the sorted values with the fills merged in', () => {
    const rng = createRng(3);
    for (let trial = 0; trial < 200; trial++) {
      const sorted = Float64Array.from({ length: rng.int(20) + 1 }, () => rng.int(10) / 2).sort();
      const fill = rng.int(12) / 2 - 0.5;
      const copies = rng.int(15);
      const merged = Float64Array.from([...sorted, ...new Array<number>(copies).fill(fill)]).sort();
      for (const q of [0, 0.25, 0.5, 0.75, 1])
        expect(mergedQuantile(sorted, fill, copies, q)).toBeCloseTo(quantileSorted(merged, q), 12);
    }
  });
});

describe('prepareMatrix', () => {
  const data: ClusterData = {
    ids: ['a', 'b', 'c', 'd', 'e', 'f'],
    numeric: [
      { feature: f('frequency'), values: Float64Array.from([0, 1, 3, 10, 200, 2]) },
      { feature: f('aov'), values: Float64Array.from([Number.NaN, -1.5, 20, 35, 50, 20]) },
      { feature: f('weekend_share'), values: Float64Array.from([0, 0, 0, 0, 1, 0]) },
      { feature: f('campaign_response_rate'), values: Float64Array.from([0.5, 0.5, 0.5, 0.5, 0.5, 0.5]) },
      { feature: f('p_alive'), values: new Float64Array(6).fill(Number.NaN) },
    ],
    categorical: [{ feature: f('gender'), values: ['f', 'm', null, 'f', 'f', 'm'] }],
  };
  const prep = prepareMatrix(data);

  it('drops columns with no value or one value, and says why', () => {
    expect(prep.dropped).toEqual([
      { feature: 'campaign_response_rate', reason: 'the same value for every customer' },
      { feature: 'p_alive', reason: 'no customer has a value' },
    ]);
    expect(prep.columns.map((c) => c.name)).toEqual([
      'frequency',
      'aov',
      'weekend_share',
      'gender=(missing)',
      'gender=f',
      'gender=m',
    ]);
  });

  it('applies exactly the stored transforms (log1p, fill, robust scaling), clipped, then one-hot', () => {
    const chain = transformFromJson(prep.model.numeric!);
    const raw = createMatrix(6, 3, new Float64Array(18));
    for (let i = 0; i < 6; i++) {
      for (let j = 0; j < 3; j++) {
        const v = data.numeric[j]!.values[i]!;
        // The clip at 0 before the log is part of the recipe (a negative basket value).
        raw.data[i * 3 + j] = j === 1 && Number.isFinite(v) ? Math.max(0, v) : v;
      }
    }
    const expected = chain.transform(raw);
    for (let i = 0; i < 6; i++) {
      for (let j = 0; j < 3; j++) {
        const want = Math.max(-CLIP, Math.min(CLIP, expected.data[i * 3 + j]!));
        expect(prep.x.data[i * prep.x.d + j]).toBeCloseTo(want, 12);
      }
    }
    // aov is missing for "a": the median of the logged observed values, log1p(20).
    expect(prep.numeric[1]).toMatchObject({ feature: 'aov', log: true, missing: 'median' });
    expect(prep.numeric[1]!.fill).toBeCloseTo(Math.log1p(20), 12);
    // A weekend share that is 0 for 5 of 6 has IQR 0: scaled by 1.349 standard deviations instead of 1.
    const sd = Math.sqrt(5 / 36);
    expect(prep.x.data[4 * prep.x.d + 2]).toBeCloseTo(1 / (1.349 * sd), 12);
    expect([...prep.x.data].every(Number.isFinite)).toBe(true);
    expect(Array.from({ length: 6 }, (_, i) => prep.x.data[i * prep.x.d + 4])).toEqual([1, 0, 0, 1, 1, 0]);
    expect(prep.model.clip).toBe(CLIP);
  });
});

describe('parseFeatureSelection', () => {
  it('reads sets, sets joined with +, and lists; refuses the rest with the choices', () => {
    expect(parseFeatureSelection('value').features.map((x) => x.name)).toEqual([
      'monetary_net',
      'aov',
      'frequency',
      'p_alive',
      'clv',
    ]);
    const both = parseFeatureSelection('behavioural+value');
    expect(both.set).toBe('behavioural+value');
    expect(new Set(both.features.map((x) => x.name)).size).toBe(both.features.length);
    expect(parseFeatureSelection(' frequency, aov ,frequency').features.map((x) => x.name)).toEqual([
      'frequency',
      'aov',
    ]);
    expect(() => parseFeatureSelection('behavioral')).toThrow(
      'invalid --features "behavioral": unknown "behavioral"',
    );
    expect(() => parseFeatureSelection('value+nope')).toThrow(/invalid --features "value\+nope"/);
    expect(() => parseFeatureSelection('frequency')).toThrow(/one numeric feature is a ranking/);
  });
});
