import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categoryChannelUnits } from '../src/analysis/patterns/category-channel.js';
import { runGridTests } from '../src/analysis/patterns/grid-tests.js';
import {
  type CreativeStatement,
  type HiddenPatterns,
  hiddenPatterns,
  type WeekdayHourStatement,
} from '../src/analysis/patterns/index.js';
import { withSegmentRelation } from '../src/analysis/patterns/segment-source.js';
import { weekdayHourUnits } from '../src/analysis/patterns/weekday-hour.js';
import { createRng } from '../src/core/rng.js';
import { type DemoShop, generateDemoShop } from '../src/demo/index.js';
import { loadTables } from '../src/ingest/load-tables.js';
import { type ColumnTable, columnTable } from '../src/warehouse/column-table.js';
import type { Warehouse } from '../src/warehouse/warehouse.js';
import { memoryWarehouse } from './helpers/warehouse.js';

let wh: Warehouse;
let shop: DemoShop;
let personas: ColumnTable;
let found: HiddenPatterns;

/** Every customer with a random label out of `k` (seeded): segments with no real differences. */
function randomLabels(k: number, seed: number): ColumnTable {
  const rng = createRng(seed);
  const ids = shop.truth.customers.columns.customer_id ?? [];
  return columnTable({ customer_id: ids, segment: ids.map(() => `Group ${rng.int(k) + 1}`) });
}

beforeAll(async () => {
  shop = generateDemoShop({ seed: 7, customers: 4000 });
  wh = await memoryWarehouse();
  await loadTables(wh, 'demo', shop.tables);
  const t = shop.truth.customers.columns;
  personas = columnTable({ customer_id: t.customer_id ?? [], segment: t.persona_name ?? [] });
  found = await hiddenPatterns(wh, { segments: { kind: 'rows', rows: personas } });
});

afterAll(async () => {
  await wh.close();
});

describe('hidden patterns on the demo shop, segments = hidden personas', () => {
  it('finds the Tuesday-night buyers: their top statement is Tuesday 20-23h', () => {
    const top = found.statements.find((s) => s.segment === 'Tuesday-night buyers') as WeekdayHourStatement;
    expect(top.kind).toBe('weekday_hour');
    expect(top.cell).toMatchObject({ weekday: 2, fromHour: 20, toWeekday: 2, toHour: 23, hours: 3 });
    expect(top.text.en).toContain('on Tuesday 20-23h');
    expect(top.text.es).toContain('los martes de 20 a 23 h');
    expect(top.lift).toBeGreaterThan(5);
    expect(top.q).toBeLessThan(0.001);
    // ~76% of the persona's orders against ~2-3% for everyone else (PERSONAS spec).
    expect(top.segmentShare).toBeGreaterThan(0.6);
    expect(top.baseShare).toBeLessThan(0.05);
    expect(top.n.segmentCustomers).toBeGreaterThan(150);
    expect(found.statements[0]).toBe(top); // the strongest pattern of the shop
    const otherTuesdays = found.statements.filter(
      (s) =>
        s.segment !== 'Tuesday-night buyers' &&
        s.kind === 'weekday_hour' &&
        s.cell.weekday === 2 &&
        s.lift > 5,
    );
    expect(otherTuesdays).toEqual([]);
  });

  it('finds that visual creatives convert the visual responders better', () => {
    const v = found.statements.find(
      (s) => s.kind === 'creative' && s.segment === 'Visual responders',
    ) as CreativeStatement;
    expect(v.cell).toEqual({ better: 'visual', worse: 'text' });
    expect(v.lift).toBeGreaterThan(1.4);
    expect(v.lift).toBeLessThan(2.2);
    expect(v.q).toBeLessThan(0.05);
    expect(v.others.ratio).toBeLessThan(1.2);
    expect(v.others.q).toBeLessThan(0.05);
    expect(v.rates.better).toBeGreaterThan(v.rates.worse);
    expect(v.text.en).toMatch(/^visual creatives convert 1\.\dx better than text for "Visual responders" \(/);
    expect(v.text.es).toMatch(/^las creatividades visuales convierten 1,\d veces más que las de texto en/);
  });

  it('reports only what passes its own thresholds, strongest first', () => {
    expect(found.statements.length).toBeGreaterThan(10);
    for (const s of found.statements) {
      expect(s.q).toBeLessThan(0.05);
      expect(s.lift).toBeGreaterThanOrEqual(1.2);
      expect(s.liftLow).toBeGreaterThan(1);
      if (s.kind !== 'creative') {
        expect(s.n.segmentCell).toBeGreaterThanOrEqual(30);
        expect(s.n.segmentCustomers).toBeGreaterThanOrEqual(10);
        expect(s.segmentShare).toBeGreaterThan(s.baseShare);
      }
    }
    const lows = found.statements.map((s) => s.liftLow);
    expect(lows).toEqual([...lows].sort((a, b) => b - a));
    expect(found.tested.weekday_hour).toBeGreaterThan(1000);
    expect(found.tested.category_channel).toBeGreaterThan(200);
  });

  it('is deterministic and plain JSON', async () => {
    const again = await hiddenPatterns(wh, { segments: { kind: 'rows', rows: personas } });
    expect(again).toEqual(found);
    expect(JSON.parse(JSON.stringify(found))).toEqual(found);
  });

  it('reads segments from a warehouse table, filtered to one run and segmentation', async () => {
    await wh.execute(
      'CREATE TABLE patterns_test_segments (run_id INTEGER, customer_id VARCHAR, segmentation VARCHAR, segment VARCHAR)',
    );
    const n = personas.rowCount;
    const random = randomLabels(3, 99);
    await wh.append(
      'patterns_test_segments',
      columnTable({
        run_id: [...new Array(n).fill(1), ...new Array(n).fill(1)],
        customer_id: [...(personas.columns.customer_id ?? []), ...(random.columns.customer_id ?? [])],
        segmentation: [...new Array(n).fill('persona'), ...new Array(n).fill('random')],
        segment: [...(personas.columns.segment ?? []), ...(random.columns.segment ?? [])],
      }),
    );
    const fromTable = await hiddenPatterns(wh, {
      segments: {
        kind: 'table',
        table: 'patterns_test_segments',
        where: { run_id: 1, segmentation: 'persona' },
      },
    });
    expect(fromTable.statements).toEqual(found.statements);
  });

  it('sees only data up to the as-of date', async () => {
    const early = await hiddenPatterns(wh, {
      segments: { kind: 'rows', rows: personas },
      asOf: '2025-06-30',
      kinds: ['weekday_hour'],
    });
    expect(early.settings.asOfCutoff).toBe('2025-07-01T00:00:00.000Z');
    const top = early.statements[0] as WeekdayHourStatement;
    expect(top.segment).toBe('Tuesday-night buyers');
    const full = found.statements[0] as WeekdayHourStatement;
    expect(top.n.segmentTotal).toBeLessThan(full.n.segmentTotal);
    const none = await hiddenPatterns(wh, { segments: { kind: 'rows', rows: personas }, asOf: '2020-01-01' });
    expect(none.statements).toEqual([]);
    expect(none.tested).toEqual({ weekday_hour: 0, category_channel: 0, creative: 0 });
  });
});

describe('false positives and support', () => {
  it('finds nothing in segments with no real differences (random labels)', async () => {
    const r = await hiddenPatterns(wh, {
      segments: { kind: 'rows', rows: randomLabels(5, 1000) },
      minLift: 1,
    });
    expect(r.tested.weekday_hour).toBeGreaterThan(500);
    expect(r.statements).toEqual([]);
  });

  it('gives calibrated p-values under the null, although orders cluster within customers', async () => {
    const p: number[] = [];
    for (const seed of [1001, 1002, 1003, 1004]) {
      await withSegmentRelation(wh, { kind: 'rows', rows: randomLabels(5, seed) }, async (segments) => {
        for (const units of [weekdayHourUnits(null), categoryChannelUnits(null)]) {
          for (const t of await runGridTests(wh, segments, units, 30)) p.push(t.result.p);
        }
      });
    }
    const share = (a: number) => p.filter((v) => v < a).length / p.length;
    expect(p.length).toBeGreaterThan(3000);
    expect(share(0.05)).toBeGreaterThan(0.03);
    expect(share(0.05)).toBeLessThan(0.07);
    expect(share(0.01)).toBeLessThan(0.02);
    expect(share(0.001)).toBeLessThan(0.004);
  });

  it('says nothing about segments below support, even with a real habit', async () => {
    const t = shop.truth.customers.columns;
    const ids = (t.customer_id ?? []).filter((_, i) => t.persona_id?.[i] === 'tuesday_night').slice(0, 6);
    const tiny = columnTable({ customer_id: ids, segment: ids.map(() => 'Six Tuesday regulars') });
    const r = await hiddenPatterns(wh, { segments: { kind: 'rows', rows: tiny } });
    expect(r.tested.weekday_hour).toBeGreaterThan(0);
    expect(r.statements).toEqual([]);
    const strict = await hiddenPatterns(wh, {
      segments: { kind: 'rows', rows: personas },
      minSupport: 1_000_000,
    });
    expect(strict.statements).toEqual([]);
  });
});
