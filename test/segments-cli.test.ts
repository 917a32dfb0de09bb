import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { columnTable } from '../src/warehouse/column-table.js';
import { DuckDBWarehouse } from '../src/warehouse/duckdb/duckdb-warehouse.js';
import { migrate } from '../src/warehouse/migrate.js';
import { cli, fails } from './helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'segmenta-segments-cli-'));
const db = join(dir, 'db.duckdb');
const file = (name: string, value: unknown) => {
  const p = join(dir, name);
  writeFileSync(p, JSON.stringify(value));
  return p;
};
const DAY = 86_400_000;

beforeAll(async () => {
  const wh = await DuckDBWarehouse.open({ path: db });
  await migrate(wh);
  await wh.append(
    'customers',
    columnTable({ customer_id: ['ana', 'ben', 'cleo'], country: ['ES', 'MX', 'ES'] }),
  );
  const now = Date.now();
  await wh.append(
    'events',
    columnTable({
      event_id: ['e1', 'e2', 'e3'],
      customer_id: ['ana', 'ana', 'ben'],
      occurred_at: [now - 2 * DAY, now - 40 * DAY, now - 10 * DAY],
      type: ['purchase', 'purchase', 'purchase'],
      properties: ['{}', '{}', '{}'],
    }),
  );
  await wh.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('segmenta segments', () => {
  it('creates, lists, shows members, history and explanations, evaluates, versions', async () => {
    const def = {
      name: 'recent-spanish-buyers',
      conditions: [
        { kind: 'field', field: 'country', op: '=', value: 'ES' },
        { kind: 'event', event: 'purchase', window: { kind: 'last', days: 30 } },
      ],
    };
    const created = await cli('--db', db, 'segments', 'create', file('a.json', def));
    expect(created.stdout).toMatch(
      /^created recent-spanish-buyers version 1: 1 members \(1 entered, 0 exited\)/,
    );
    const list = JSON.parse((await cli('--db', db, 'segments', 'list', '--json')).stdout);
    expect(list).toMatchObject([
      { name: 'recent-spanish-buyers', version: 1, size: 1, freshness: { state: 'current' } },
    ]);
    const members = JSON.parse(
      (await cli('--db', db, 'segments', 'members', 'recent-spanish-buyers', '--json')).stdout,
    );
    expect(members).toMatchObject({ size: 1, members: ['ana'] });
    const explained = (await cli('--db', db, 'segments', 'explain', 'recent-spanish-buyers', 'cleo')).stdout;
    expect(explained).toContain('cleo is NOT in recent-spanish-buyers (version 1)');
    expect(explained).toContain(
      '✗ conditions[1]  purchase at least 1 time in the last 30 days — 0 matching event(s) in the window',
    );

    def.conditions[1] = { kind: 'event', event: 'purchase', window: { kind: 'last', days: 60 } };
    await cli('--db', db, 'segments', 'update', file('b.json', def), '--note', 'two months');
    const history = (await cli('--db', db, 'segments', 'history', 'recent-spanish-buyers')).stdout;
    expect(history).toMatch(/entered {2}ana {2}\(batch, v1\)/);
    const versions = JSON.parse(
      (await cli('--db', db, 'segments', 'history', 'recent-spanish-buyers', '--versions', '--json')).stdout,
    );
    expect(versions.map((v: { version: number; note: string | null }) => [v.version, v.note])).toEqual([
      [1, null],
      [2, 'two months'],
    ]);
    const evaluated = (await cli('--db', db, 'segments', 'evaluate', '--all')).stdout;
    expect(evaluated).toMatch(/^recent-spanish-buyers v2: 1 members as of .* \(0 entered, 0 exited\)/);
    const past = JSON.parse(
      (
        await cli(
          '--db',
          db,
          'segments',
          'members',
          'recent-spanish-buyers',
          '--as-of',
          '2000-01-01',
          '--json',
        )
      ).stdout,
    );
    expect(past.size).toBe(0);
  });

  it('fails with exact messages and exit codes', async () => {
    const bad = await fails(
      '--db',
      db,
      'segments',
      'create',
      file('bad.json', {
        name: 'x',
        conditions: [{ kind: 'event', event: 'buy', window: { kind: 'last', days: 0 } }],
      }),
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(
      'error: conditions[0].window.days: expected a positive integer\nhint: segmenta segments schema prints the rule format\n',
    );
    const missing = await fails('--db', db, 'segments', 'show', 'nope');
    expect(missing.code).toBe(4);
    expect(missing.stderr).toContain('error: segment "nope" does not exist');
    const schema = JSON.parse((await cli('segments', 'schema')).stdout);
    expect(schema.$ref).toBe('#/$defs/SegmentDefinition');
  });
});
