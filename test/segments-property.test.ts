import { describe, expect, it } from 'vitest';
import { createRng } from '../src/core/rng.js';
import { evaluateBatch } from '../src/segments/batch/evaluate-batch.js';
import { FieldCatalogue } from '../src/segments/fields/catalogue.js';
import { FakeClock } from '../src/segments/live/fake-clock.js';
import { parseSegment } from '../src/segments/plan/parse-segment.js';
import type { SegmentPlan } from '../src/segments/plan/plan.js';
import { SegmentRuntime } from '../src/segments/runtime/segment-runtime.js';
import { columnTable } from '../src/warehouse/column-table.js';
import { memoryWarehouse } from './helpers/warehouse.js';
import { HOUR, randomEvents, randomSegment } from './segments-random.js';

const START = Date.UTC(2024, 2, 1);
const SPAN = 8 * 24 * HOUR;
/** `SEGMENTS_PROPERTY_SEEDS=200 npx vitest run test/segments-property.test.ts` for a long run. */
const SEEDS = Number(process.env.SEGMENTS_PROPERTY_SEEDS ?? 6);
const RULES = 6;

/**
 * Two evaluators, one meaning: random rules over random event streams (late and future events included); at
 * every checkpoint, after the fake clock advanced and fired the wake-ups it had to, the live membership must
 * equal the batch SQL membership over the same warehouse data, for every rule.
 */
describe('live engine = batch SQL (property)', () => {
  for (let seed = 1; seed <= SEEDS; seed++) {
    it(`seed ${seed}`, async () => {
      const r = createRng(seed * 7919);
      const wh = await memoryWarehouse();
      const known = Array.from({ length: 10 }, (_, i) => `c${i}`);
      const ids = [...known, 'x1', 'x2', 'x3'];
      await wh.append(
        'customers',
        columnTable({
          customer_id: known,
          age: known.map(() => (r.next() < 0.15 ? null : 18 + r.int(50))),
          country: known.map(() => r.pick(['ES', 'MX', 'AR', null])),
          income: known.map(() => (r.next() < 0.2 ? null : 500 + r.int(6000))),
          email: known.map((id) => (r.next() < 0.2 ? null : `${id}@${r.pick(['a', 'b'])}.com`)),
          signup_date: known.map(() => Date.UTC(2023, r.int(12), 1 + r.int(28))),
          traits: known.map(() =>
            r.next() < 0.2
              ? null
              : JSON.stringify({ vip: r.pick([true, false, 'yes']), tier: r.pick([1, 2, 3, '2', null]) }),
          ),
        }),
      );
      const clock = new FakeClock(START);
      const rt = await SegmentRuntime.open(wh, { clock });
      const catalogue = await FieldCatalogue.load(wh);
      const plans: SegmentPlan[] = [];
      for (let i = 0; i < RULES; i++) {
        const def = randomSegment(r, `rule-${i}`, { start: START, span: SPAN, ids });
        const parsed = parseSegment(def, catalogue);
        if (!parsed.ok) throw new Error(`generated an invalid rule: ${JSON.stringify(parsed.error)}`);
        plans.push(parsed.value.plan);
        await rt.saveSegment(def);
      }

      const events = randomEvents(r, 120, START, SPAN, ids);
      // Checkpoints: random instants, plus instants exactly on (and 1 ms before) window edges of events.
      const edges = events.flatMap(({ event }) => [
        event.occurredAt + HOUR * (1 + r.int(72)),
        event.occurredAt + 24 * HOUR,
      ]);
      const checkpoints = new Set<number>();
      for (let i = 0; i < 4; i++) checkpoints.add(START + r.int(SPAN + 4 * 24 * HOUR));
      for (let i = 0; i < 6; i++) {
        const e = r.pick(edges);
        checkpoints.add(e);
        if (r.next() < 0.5) checkpoints.add(e - 1);
      }
      const sorted = [...checkpoints].filter((t) => t > START).sort((a, b) => a - b);

      let compared = 0;
      const check = async () => {
        await rt.flush();
        for (const plan of plans) {
          const batch = await evaluateBatch(wh, plan, clock.now());
          expect(rt.members(plan.name), `${plan.name} at ${new Date(clock.now()).toISOString()}`).toEqual(
            [...batch].sort(),
          );
          compared++;
        }
      };

      let next = 0;
      for (let i = 0; i < events.length; ) {
        const e = events[i]!;
        while (next < sorted.length && sorted[next]! < e.arrival) {
          clock.advanceTo(sorted[next++]!);
          await check();
        }
        // A small batch of events, sent when its last one arrives (before the next checkpoint).
        const batch = [e];
        const limit = 1 + r.int(6);
        while (batch.length < limit) {
          const more = events[i + batch.length];
          if (!more || (next < sorted.length && more.arrival > sorted[next]!)) break;
          batch.push(more);
        }
        clock.advanceTo(batch[batch.length - 1]!.arrival);
        await rt.ingest(batch.map((b) => b.event));
        i += batch.length;
      }
      while (next < sorted.length) {
        clock.advanceTo(sorted[next++]!);
        await check();
      }
      expect(compared).toBeGreaterThan(0);
      await rt.close();
      await wh.close();
    });
  }
});
