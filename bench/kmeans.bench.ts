/**
 * k-means benchmark: Segmenta's k-means against scikit-learn's KMeans on the same 1,000,000 x 10 data (k = 8),
 * and automatic k on 1,000,000 x 6. Prints its figures.
 *
 *   npx tsc -p tsconfig.build.json && node dist/bench/kmeans.bench.js
 *
 * scikit-learn runs through `python3 scripts/sklearn_reference.py kmeans-bench` on a float64 file of the very
 * rows clustered here (set SEGMENTA_PYTHON to choose the interpreter); skipped with a warning without it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chooseK } from '../src/models/cluster/choose-k.js';
import { fitKMeans } from '../src/models/cluster/kmeans.js';
import type { Matrix } from '../src/models/cluster/matrix.js';
import { makeBlobs } from '../src/models/cluster/synthetic.js';

interface Timing {
  readonly seconds: number;
  readonly inertia: number;
  readonly iterations: number;
}

function findPython(): string | undefined {
  const candidates = [process.env.SEGMENTA_PYTHON, 'python3', '/usr/bin/python3'].filter(
    (c): c is string => !!c,
  );
  return candidates.find(
    (py) => spawnSync(py, ['-c', 'import sklearn, numpy'], { stdio: 'ignore' }).status === 0,
  );
}

function ours(x: Matrix, k: number, nInit: number): Timing {
  const start = performance.now();
  const fit = fitKMeans(x, { k, nInit, seed: 0 });
  return { seconds: (performance.now() - start) / 1000, inertia: fit.inertia, iterations: fit.iterations };
}

function sklearn(
  python: string,
  file: string,
  x: Matrix,
  k: number,
  nInit: number,
): Timing & { threads: number } {
  const script = resolve(process.cwd(), 'scripts/sklearn_reference.py');
  const args = [script, 'kmeans-bench', '--file', file, '--n', `${x.n}`, '--d', `${x.d}`, '--k', `${k}`];
  const run = spawnSync(python, [...args, '--n-init', `${nInit}`], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`scikit-learn benchmark failed: ${run.stderr}`);
  const out = JSON.parse(run.stdout) as { seconds: number; inertia: number; n_iter: number; threads: number };
  return { seconds: out.seconds, inertia: out.inertia, iterations: out.n_iter, threads: out.threads };
}

const fmt = (t: Timing) =>
  `${t.seconds.toFixed(2)} s, inertia ${t.inertia.toExponential(6)}, ${t.iterations} iterations`;

export function main(): void {
  const python = findPython();
  console.log(
    `k-means benchmark: node ${process.version}, ${availableParallelism()} cores (${cpus()[0]?.model ?? '?'})`,
  );
  if (!python) console.warn('*** python3 with scikit-learn not found: scikit-learn timings skipped ***');
  const dir = mkdtempSync(join(tmpdir(), 'segmenta-bench-'));
  try {
    const n = 1_000_000;
    const d = 10;
    const k = 8;
    // Eight Gaussian clusters in 10-D; the noise level sets how much they overlap.
    const scenarios = [
      { name: 'separated (noise sd 1.5)', noise: 1.5 },
      { name: 'overlapping (noise sd 4)', noise: 4 },
      { name: 'barely clustered (noise sd 8)', noise: 8 },
    ];
    for (const scenario of scenarios) {
      const { x } = makeBlobs({ n, d, k, centreSpread: 4, noise: scenario.noise, seed: 1 });
      const file = join(dir, 'data.f64');
      writeFileSync(file, new Uint8Array(x.data.buffer, x.data.byteOffset, x.data.byteLength));
      for (const nInit of [1, 4]) {
        const mine = ours(x, k, nInit);
        console.log(`\n${n.toLocaleString('en-US')} x ${d}, k = ${k}, ${scenario.name}, nInit = ${nInit}`);
        console.log(`  segmenta      ${fmt(mine)}`);
        if (python) {
          const theirs = sklearn(python, file, x, k, nInit);
          console.log(`  scikit-learn  ${fmt(theirs)} (${theirs.threads} threads)`);
          console.log(
            `  ratio         ${(theirs.seconds / mine.seconds).toFixed(2)}x faster, inertia ${((mine.inertia / theirs.inertia - 1) * 100).toFixed(3)}% vs scikit-learn`,
          );
        }
      }
    }

    const { x } = makeBlobs({ n, d: 6, k: 5, centreSpread: 6, noise: 1.5, seed: 2 });
    const start = performance.now();
    const auto = chooseK(x, { seed: 0 });
    const seconds = (performance.now() - start) / 1000;
    console.log(
      `\nautomatic k on ${n.toLocaleString('en-US')} x 6 (5 true clusters), k = 2..10: ${seconds.toFixed(1)} s`,
    );
    console.table(
      auto.table.map((r) => ({
        k: r.k,
        silhouette: Number(r.silhouette.toFixed(4)),
        calinskiHarabasz: Math.round(r.calinskiHarabasz),
        daviesBouldin: Number(r.daviesBouldin.toFixed(4)),
      })),
    );
    console.log(`  chosen k = ${auto.chosenK}: ${auto.explanation}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
