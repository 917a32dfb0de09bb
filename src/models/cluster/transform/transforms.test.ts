import { describe, expect, it } from 'vitest';
import { matrixFromRows, matrixToRows } from '../matrix.js';
import { fitChain } from './chain.js';
import { fitImputer } from './impute.js';
import { fitLog1p } from './log1p.js';
import { fitOneHot } from './one-hot.js';
import { fitRobustScaler } from './robust-scaler.js';
import { fitStandardScaler } from './standard-scaler.js';
import { transformFromJson } from './transform-from-json.js';

// Reference values: scikit-learn 1.2 RobustScaler / StandardScaler on the same rows.
const Y = matrixFromRows([
  [1, 10],
  [2, 20],
  [3, 35],
  [4, 41],
  [100, 50],
]);

describe('numeric transforms', () => {
  it('standard scaler matches scikit-learn (population sd)', () => {
    const s = fitStandardScaler(Y);
    expect(s.mean).toEqual([22, 31.2]);
    expect(s.scale[0]).toBeCloseTo(39.01281840626232, 12);
    expect(s.scale[1]).toBeCloseTo(14.413882197381803, 12);
    const z = s.transform(Y);
    expect(z.data[0]).toBeCloseTo((1 - 22) / 39.01281840626232, 12);
  });

  it('robust scaler centres on the median and scales by the IQR (scikit-learn values)', () => {
    const r = fitRobustScaler(Y);
    expect(r.median).toEqual([3, 35]);
    expect(r.scale).toEqual([2, 21]);
    expect(matrixToRows(r.transform(Y))[4]).toEqual([48.5, 15 / 21]);
  });

  it('log1p rejects values <= -1 with row and column', () => {
    const l = fitLog1p(Y, { columns: [0] });
    expect(l.transform(Y).data[0]).toBeCloseTo(Math.log(2), 15);
    expect(l.transform(Y).data[1]).toBe(10);
    expect(() => l.transform(matrixFromRows([[-1, 0]]))).toThrow(
      'log1p: row 0, column 0 is -1, expected a value > -1',
    );
  });

  it('imputer fills NaN with the training median', () => {
    const x = matrixFromRows([
      [1, Number.NaN],
      [3, 4],
      [Number.NaN, 8],
      [5, 6],
    ]);
    const imp = fitImputer(x);
    expect(imp.fill).toEqual([3, 6]);
    expect(matrixToRows(imp.transform(x))).toEqual([
      [1, 6],
      [3, 4],
      [3, 8],
      [5, 6],
    ]);
    expect(fitImputer(x, { strategy: 'mean' }).fill).toEqual([3, 6]);
  });

  it('a chain serialises to JSON and comes back identical', () => {
    const chain = fitChain(Y, [(m) => fitLog1p(m), (m) => fitStandardScaler(m)]);
    const json = JSON.parse(JSON.stringify(chain));
    expect(json.kind).toBe('chain');
    const restored = transformFromJson(json);
    expect(Array.from(restored.transform(Y).data)).toEqual(Array.from(chain.transform(Y).data));
    expect(Object.isFrozen(chain)).toBe(true);
  });
});

describe('one-hot encoder', () => {
  it('encodes sorted categories, missing as its own category, unseen as zeros', () => {
    const enc = fitOneHot([['b', 'a', null, 'b']], { names: ['channel'] });
    expect(enc.featureNames).toEqual(['channel=(missing)', 'channel=a', 'channel=b']);
    expect(matrixToRows(enc.transform([['a', 'zzz', undefined]]))).toEqual([
      [0, 1, 0],
      [0, 0, 0],
      [1, 0, 0],
    ]);
    const back = JSON.parse(JSON.stringify(enc));
    expect(back).toEqual({
      kind: 'one-hot',
      names: ['channel'],
      categories: [['(missing)', 'a', 'b']],
      missing: 'category',
    });
  });
});
