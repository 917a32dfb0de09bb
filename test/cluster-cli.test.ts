import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, fails } from './helpers/cli.js';

describe('the cluster and quality segments commands', () => {
  let dir: string;
  let db: string;
  let analyzed: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'segmenta-cluster-cli-'));
    db = join(dir, 'shop.duckdb');
    await cli('--db', db, 'demo', '--customers', '1500', '--seed', '3');
    analyzed = (await cli('--db', db, 'analyze')).stdout;
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('analyze prints the CLV model, the predicted revenue and the clusters', () => {
    expect(analyzed).toMatch(
      /CLV predictions \(MBG\/NBD \+ Gamma-Gamma, fitted on [\d,]+ buyers; next 365 days/,
    );
    expect(analyzed).toMatch(/predicted revenue, next 365 days +[\d,]+/);
    expect(analyzed).toMatch(/Clusters \(k = \d+, chosen automatically; behavioural\+value features/);
    expect(analyzed).toMatch(/Non-buyers/);
  });

  it('cluster prints the k table, the explanation and persona cards, and stores a segmentation', async () => {
    const { stdout } = await cli('--db', db, 'cluster', '--features', 'value', '--k', '4');
    expect(stdout).toContain('Clustering "cluster.value.k4" of run 1');
    expect(stdout).toContain('k = 4 as given');
    expect(stdout).toMatch(/Persona cards/);
    expect(stdout).toMatch(/ vs .* overall/);
    const auto = (await cli('--db', db, 'cluster', '--features', 'behavioural')).stdout;
    expect(auto).toContain('Choosing k (* = chosen)');
    expect(auto).toMatch(/ +\*\d+ +-?\d\.\d{3}/);
    expect(auto).toMatch(/Chose k = \d+/);
    const json = JSON.parse((await cli('--db', db, 'cluster', '--json')).stdout);
    expect(json).toMatchObject({
      runId: 1,
      name: 'cluster',
      kChoice: 'auto',
      featureSet: 'behavioural+value',
    });
    expect(json.personas.length).toBe(json.k);
    const list = (await cli('--db', db, 'segmentations', 'list')).stdout;
    expect(list).toContain('cluster.value.k4');
    expect(list).toContain('cluster.behavioural');
    const count = (await cli('--db', db, 'segmentations', 'count', 'cluster.value.k4')).stdout;
    expect(count).toContain('cluster.value.k4, run 1');
  });

  it('quality segments prints a scorecard per segmentation; stability once there are two runs', async () => {
    const first = (await cli('--db', db, 'quality', 'segments')).stdout;
    expect(first).toContain('Segment quality, run 1');
    expect(first).toMatch(/^rfm \(rfm; measured in the behavioural\+value features\)/m);
    expect(first).toMatch(/^lifecycle \(lifecycle;/m);
    expect(first).toMatch(/^cluster\.value\.k4 \(cluster; measured in the value features\)/m);
    expect(first).toMatch(/Bootstrap \(20 refits on [\d,]+ customers\)/);
    expect(first).toContain('Stability: no earlier run');
    await cli('--db', db, 'analyze', '--draws', '0');
    const json = JSON.parse(
      (await cli('--db', db, 'quality', 'segments', '--segmentation', 'rfm', '--json')).stdout,
    );
    expect(json).toMatchObject({ runId: 2, previousRun: 1 });
    expect(json.segmentations[0].stability).toMatchObject({ ari: 1, kept: 1, previousRun: 1 });
    const text = (await cli('--db', db, 'quality', 'segments', '--segmentation', 'lifecycle')).stdout;
    expect(text).toMatch(
      /Stability against run 1 \([\d,]+ customers in both\): 100\.0% kept their segment, adjusted Rand index 1\.000/,
    );
    expect(text).toContain('from \\ to');
  });

  it('refuses bad options with a message and exit code 2 (4 for an unknown segmentation)', async () => {
    const k = await fails('--db', db, 'cluster', '--k', '1');
    expect(k.code).toBe(2);
    expect(k.stderr).toContain('invalid --k "1"');
    const f = await fails('--db', db, 'cluster', '--features', 'behavioral');
    expect(f.code).toBe(2);
    expect(f.stderr).toContain('invalid --features "behavioral": unknown "behavioral"');
    expect(f.stderr).toMatch(/hint: give a set \(behavioural, value, demographic, psychographic/);
    // An unknown segmentation is a missing resource: exit code 4 (not found), as the API's 404.
    const s = await fails('--db', db, 'quality', 'segments', '--segmentation', 'nope');
    expect(s.code).toBe(4);
    expect(s.stderr).toContain('unknown segmentation "nope"');
  });
});
