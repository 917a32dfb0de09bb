import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../src/segments/live/fake-clock.js';
import { SegmentRuntime } from '../src/segments/runtime/segment-runtime.js';
import { DuckDBWarehouse } from '../src/warehouse/duckdb/duckdb-warehouse.js';

const dir = mkdtempSync(join(tmpdir(), 'segmenta-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Run the child until it has acknowledged `acks` batches, then SIGKILL it; resolve to the acknowledged ids. */
function ingestThenKill(path: string, prefix: string, acks: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/segments-crash-child.ts', path, prefix], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acked: string[] = [];
    let batches = 0;
    let buffer = '';
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.stdout.on('data', (d: Buffer) => {
      buffer += d.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) {
        if (!line.startsWith('ack ')) continue;
        acked.push(...line.slice(4).split(' '));
        if (++batches === acks) child.kill('SIGKILL');
      }
    });
    child.on('exit', (_code, signal) => {
      if (signal === 'SIGKILL') resolve(acked);
      else reject(new Error(`child exited without being killed: ${stderr}`));
    });
  });
}

describe('crash safety of in-process ingestion', () => {
  it('SIGKILL during ingestion: after a restart every acknowledged event is stored exactly once', async () => {
    const path = join(dir, 'crash.duckdb');
    const first = await ingestThenKill(path, 'a', 40);
    const second = await ingestThenKill(path, 'b', 25);
    expect(first.length).toBeGreaterThanOrEqual(2000);

    const wh = await DuckDBWarehouse.open({ path });
    const t = await wh.query({
      sql: 'SELECT event_id, count(*) AS n FROM events GROUP BY event_id',
      params: [],
    });
    const stored = new Map((t.columns.event_id ?? []).map((id, i) => [String(id), Number(t.columns.n![i])]));
    for (const id of [...first, ...second]) expect(stored.get(id), id).toBe(1);
    expect([...stored.values()].every((n) => n === 1)).toBe(true);

    // A client retrying an acknowledged batch after the restart adds nothing twice.
    const rt = await SegmentRuntime.open(wh, { clock: new FakeClock(Date.now()) });
    const retry = first
      .slice(0, 50)
      .map((id) => ({ eventId: id, customerId: 'c1', type: 'purchase', occurredAt: 0, properties: null }));
    expect(await rt.ingest(retry)).toEqual({ accepted: 0, duplicates: 50 });
    await rt.close();
    await wh.close();
  });
});
