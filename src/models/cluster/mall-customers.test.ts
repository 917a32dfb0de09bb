import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseK } from './choose-k.js';
import { fitKMeans } from './kmeans.js';
import { matrixFromRows } from './matrix.js';
import { silhouetteScore } from './metrics/silhouette.js';

// Mall Customer Segmentation table; reference values from the data README (best known WCSS 44,448.5 for k = 5
// on income and spending score, silhouette about 0.554).
const file = resolve(process.cwd(), '../shared/data/mall_customers/Mall_Customers.csv');

function incomeAndSpending() {
  const [header, ...lines] = readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.length > 0);
  expect(header).toBe('CustomerID,Genre,Age,Annual Income (k$),Spending Score (1-100)');
  return matrixFromRows(
    lines.map((line) => {
      const cells = line.split(',');
      return [Number(cells[3]), Number(cells[4])];
    }),
  );
}

describe('Mall customers, income x spending score, unscaled', () => {
  const x = incomeAndSpending();

  it('k = 5 reaches the best known WCSS (within 0.1% of 44,448.5), silhouette about 0.554', () => {
    expect(x.n).toBe(200);
    const fit = fitKMeans(x, { k: 5, seed: 0, nInit: 10 });
    expect(Math.abs(fit.inertia - 44_448.5) / 44_448.5).toBeLessThan(0.001);
    expect(silhouetteScore(x, fit.labels)).toBeCloseTo(0.554, 3);
  });

  it('automatic k over 2..10 chooses 5 and says why', () => {
    const result = chooseK(x, { seed: 0, nInit: 10 });
    expect(result.table.map((r) => r.k)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(result.chosenK).toBe(5);
    expect(result.votes.silhouette).toBe(5);
    expect(result.explanation).toMatch(
      /^Chose k = 5, supported by two of the three criteria: the silhouette is highest \(0\.554\) and Davies-Bouldin is lowest \(0\.573\); Calinski-Harabasz prefers k = 9\./,
    );
    expect(result.model.k).toBe(5);
    expect(Math.abs(result.model.inertia - 44_448.5) / 44_448.5).toBeLessThan(0.001);
    expect(JSON.parse(JSON.stringify(result)).table).toHaveLength(9);
  });
});
