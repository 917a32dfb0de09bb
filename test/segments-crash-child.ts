/**
 * Child process of the crash test: opens the database, ingests numbered batches as fast as it can and prints the
 * ids of each batch once `ingest` has acknowledged it. The parent kills it with SIGKILL mid-stream.
 */
import { systemClock } from '../src/segments/live/system-clock.js';
import { SegmentRuntime } from '../src/segments/runtime/segment-runtime.js';
import { DuckDBWarehouse } from '../src/warehouse/duckdb/duckdb-warehouse.js';
import { migrate } from '../src/warehouse/migrate.js';

const [path, prefix] = process.argv.slice(2);
const wh = await DuckDBWarehouse.open({ path: path! });
await migrate(wh);
const rt = await SegmentRuntime.open(wh, { clock: systemClock });
process.stdout.write('ready\n');
let n = 0;
const producer = async () => {
  for (;;) {
    const batch = Array.from({ length: 50 }, () => {
      const i = n++;
      return {
        eventId: `${prefix}-${i}`,
        customerId: `c${i % 500}`,
        type: 'purchase',
        occurredAt: Date.now(),
        properties: { i },
      };
    });
    await rt.ingest(batch);
    process.stdout.write(`ack ${batch.map((e) => e.eventId).join(' ')}\n`);
  }
};
await Promise.all([producer(), producer(), producer(), producer()]);
