import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fitKMeans } from './kmeans.js';
import { createMatrix } from './matrix.js';
import { calinskiHarabasz } from './metrics/calinski-harabasz.js';
import { daviesBouldin } from './metrics/davies-bouldin.js';
import { silhouetteScore } from './metrics/silhouette.js';
import { fitChain } from './transform/chain.js';
import { fitLog1p } from './transform/log1p.js';
import { fitStandardScaler } from './transform/standard-scaler.js';

// UCI Online Retail: standardised log R, F, M per customer; silhouettes must match scikit-learn's on the same
// labels and features to 0.01. Feature definitions are documented in scripts/sklearn_reference.py.
const data = resolve(process.cwd(), '../shared/data/online_retail/online_retail.csv.gz');
const script = resolve(process.cwd(), 'scripts/sklearn_reference.py');

function findPython(): string | undefined {
  const candidates = [process.env.SEGMENTA_PYTHON, 'python3', '/usr/bin/python3'].filter(
    (c): c is string => !!c,
  );
  return candidates.find(
    (py) => spawnSync(py, ['-c', 'import sklearn, pandas'], { stdio: 'ignore' }).status === 0,
  );
}
const python = findPython();
if (!python) {
  console.warn(
    '\n*** SKIPPING the scikit-learn comparison: no python3 with scikit-learn and pandas found. ***\n' +
      '*** Install them (apt-get install python3-sklearn python3-pandas) or set SEGMENTA_PYTHON. ***\n',
  );
}

/** Split one CSV line with RFC 4180 quoting ("a, b" and doubled "" inside quotes). */
function splitCsv(line: string): string[] {
  const out: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cell);
      cell = '';
    } else cell += ch;
  }
  out.push(cell);
  return out;
}

function rfm() {
  const lines = gunzipSync(readFileSync(data)).toString('utf8').split(/\r?\n/);
  expect(lines[0]).toBe('InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country');
  const customers = new Map<number, { last: number; invoices: Set<string>; monetary: number }>();
  let latest = Number.NEGATIVE_INFINITY;
  for (let r = 1; r < lines.length; r++) {
    if (lines[r] === '') continue;
    const [invoice, , , quantity, date, price, customer] = splitCsv(lines[r]!);
    if (!customer || invoice!.startsWith('C')) continue;
    const t = Date.parse(`${date!.replace(' ', 'T')}Z`);
    latest = Math.max(latest, t);
    const id = Number(customer);
    const c = customers.get(id) ?? {
      last: Number.NEGATIVE_INFINITY,
      invoices: new Set<string>(),
      monetary: 0,
    };
    c.last = Math.max(c.last, t);
    c.invoices.add(invoice!);
    c.monetary += Number(quantity) * Number(price);
    customers.set(id, c);
  }
  const reference = latest + 86_400_000;
  const kept = [...customers].filter(([, c]) => c.monetary > 0).sort((a, b) => a[0] - b[0]);
  const raw = new Float64Array(kept.length * 3);
  kept.forEach(([, c], i) => {
    raw[i * 3] = Math.floor((reference - c.last) / 86_400_000);
    raw[i * 3 + 1] = c.invoices.size;
    raw[i * 3 + 2] = c.monetary;
  });
  const x = createMatrix(kept.length, 3, raw);
  const scale = fitChain(x, [(m) => fitLog1p(m), (m) => fitStandardScaler(m)]);
  return { ids: kept.map(([id]) => id), z: scale.transform(x) };
}

describe.skipIf(!python)('Online Retail, standardised log RFM: silhouettes match scikit-learn', () => {
  it('k = 2..8 on the same labels and features, to 0.01 (in fact to 1e-9)', () => {
    const { ids, z } = rfm();
    expect(z.n).toBe(4338);
    const ks = [2, 3, 4, 5, 6, 7, 8];
    const fits = ks.map((k) => fitKMeans(z, { k, seed: 0, nInit: 10 }));
    const ours = fits.map((f) => ({
      silhouette: silhouetteScore(z, f.labels),
      calinskiHarabasz: calinskiHarabasz(z, f.labels),
      daviesBouldin: daviesBouldin(z, f.labels),
      inertia: f.inertia,
    }));

    const dir = mkdtempSync(join(tmpdir(), 'segmenta-sklearn-'));
    try {
      const file = join(dir, 'labels.csv');
      const header = ['CustomerID', 'z_recency', 'z_frequency', 'z_monetary', ...ks.map((k) => `k${k}`)];
      const rows = ids.map((id, i) =>
        [id, z.data[i * 3], z.data[i * 3 + 1], z.data[i * 3 + 2], ...fits.map((f) => f.labels[i])].join(','),
      );
      writeFileSync(file, `${header.join(',')}\n${rows.join('\n')}\n`);
      const out = execFileSync(python!, [script, 'online-retail', '--data', data, '--labels', file], {
        encoding: 'utf8',
        maxBuffer: 1 << 24,
      });
      const ref = JSON.parse(out) as {
        customers: number;
        max_feature_difference: number;
        labels: Record<string, { silhouette: number; calinski_harabasz: number; davies_bouldin: number }>;
        sklearn_kmeans: Record<string, { inertia: number; silhouette: number }>;
      };
      expect(ref.customers).toBe(4338);
      expect(ref.max_feature_difference).toBeLessThan(1e-9);
      const table = ks.map((k, i) => {
        const theirs = ref.labels[`k${k}`]!;
        const own = ref.sklearn_kmeans[`k${k}`]!;
        return {
          k,
          silhouette: ours[i]!.silhouette,
          sklearnSilhouette: theirs.silhouette,
          inertia: ours[i]!.inertia,
          sklearnKMeansInertia: own.inertia,
          sklearnKMeansSilhouette: own.silhouette,
        };
      });
      console.table(table);
      ks.forEach((k, i) => {
        const theirs = ref.labels[`k${k}`]!;
        expect(Math.abs(ours[i]!.silhouette - theirs.silhouette)).toBeLessThan(0.01);
        expect(ours[i]!.silhouette).toBeCloseTo(theirs.silhouette, 9);
        expect(ours[i]!.calinskiHarabasz).toBeCloseTo(theirs.calinski_harabasz, 6);
        expect(ours[i]!.daviesBouldin).toBeCloseTo(theirs.davies_bouldin, 9);
        // Independent fits (10 restarts each) reach local optima of about the same quality; printed above.
        expect(ours[i]!.inertia).toBeLessThan(ref.sklearn_kmeans[`k${k}`]!.inertia * 1.005);
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
