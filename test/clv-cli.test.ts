import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, fails } from './helpers/cli.js';
import { hasSharedData, sharedData } from './helpers/data.js';

describe.skipIf(!hasSharedData)('the clv command', () => {
  let dir: string;
  let db: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'segmenta-clv-'));
    db = join(dir, 'cdnow.duckdb');
    await cli(
      '--db',
      db,
      'import',
      'orders',
      sharedData('cdnow/CDNOW_sample.txt'),
      '--no-header',
      '--map',
      'customer_id=1,ordered_at=3,quantity=4,amount=5',
    );
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('fit prints parameters, standard errors, the log-likelihood and diagnostics; --json the whole fit', async () => {
    const { stdout } = await cli('--db', db, 'clv', 'fit', '--model', 'bgnbd', '--as-of', '1997-09-30');
    expect(stdout).toContain('BG/NBD fitted on the purchases up to 1997-09-30 (time unit: weeks)');
    expect(stdout).toContain('2,357 customers · 1,016 distinct (x, t_x, T) rows');
    expect(stdout).toMatch(/r\s+0\.24259\d\s+0\.01256/);
    expect(stdout).toContain('log-likelihood  -9582.429');
    expect(stdout).toMatch(/diagnostics\s+converged/);
    const json = JSON.parse(
      (await cli('--db', db, 'clv', 'fit', '--model', 'gammagamma', '--as-of', '1997-09-30', '--json'))
        .stdout,
    );
    expect(json.kind).toBe('gammagamma');
    expect(json.model.logLikelihood).toBeCloseTo(-4055.918, 2);
    expect(json.data.spend.excluded).toEqual({ noRepeat: 1411, nonPositiveSpend: 0 });
  });

  it('evaluate prints the comparison, the P(alive) deciles and the choice with its reason', async () => {
    const { stdout } = await cli(
      '--db',
      db,
      'clv',
      'evaluate',
      '--calibration-end',
      '1997-09-30',
      '--holdout-end',
      '1998-06-30',
    );
    expect(stdout).toContain('1,882 actual repeat purchases in the holdout');
    expect(stdout).toMatch(/BG\/NBD\s+-9,582\.429\s+0\.78\d\d\s+1\.60\d\d\s+1,653\.\d\s+1,882\s+-12\.1%/);
    expect(stdout).toContain('P(alive) calibration of Pareto/NBD');
    expect(stdout).toContain('Choice: Pareto/NBD');
    expect(stdout).toContain('criterion: lowest per-customer holdout RMSE');
  });

  it('score prints the top customers with intervals; --json the summary and the rows', async () => {
    const { stdout } = await cli('--db', db, 'clv', 'score', '--top', '5', '--draws', '50');
    expect(stdout).toContain('CLV scores as of 1998-07-01, horizon 365 days');
    expect(stdout).toContain('Top 5 customers by CLV');
    expect(stdout).toMatch(/\d\.\d{3} \[\d\.\d{3}–\d\.\d{3}\]/);
    const json = JSON.parse(
      (await cli('--db', db, 'clv', 'score', '--top', '3', '--model', 'bgnbd', '--json', '--draws', '20'))
        .stdout,
    );
    expect(json.top).toHaveLength(3);
    expect(json.customers).toBe(2357);
    expect(json.top[0].clv).toBeGreaterThanOrEqual(json.top[1].clv);
    expect(json.top[0].clv_low).toBeLessThanOrEqual(json.top[0].clv);
    expect(json.top[0].next_order_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('failures say why and exit non-zero: 2 for a bad date, 6 for a fit that fails', async () => {
    const early = await fails('--db', db, 'clv', 'fit', '--model', 'bgnbd', '--as-of', '1996-06-30');
    expect(early.code).toBe(2);
    expect(early.stderr).toContain('error: --as-of 1996-06-30 is before the first purchase (1997-01-01)');
    const oneDb = join(dir, 'one.duckdb');
    const csv = join(dir, 'one.csv');
    writeFileSync(
      csv,
      'order_id,customer_id,ordered_at,amount\n1,solo,2024-01-01,10\n2,solo,2024-02-01,12\n',
    );
    await cli('--db', oneDb, 'import', 'orders', csv);
    const one = await fails('--db', oneDb, 'clv', 'fit', '--model', 'paretonbd');
    expect(one.code).toBe(6);
    expect(one.stderr).toContain('error: the Pareto/NBD fit failed (insufficient_data)');
    expect(one.stderr).toContain('hint: ');
    expect(one.stderr).not.toContain('NaN');
  });
});
