import { describe, expect, it } from 'vitest';
import { createRng } from '../src/core/rng.js';
import { compileSegmentQuery } from '../src/segments/batch/compile-segment.js';
import { evaluateBatch } from '../src/segments/batch/evaluate-batch.js';
import { parseEventBatch } from '../src/segments/events/event-input.js';
import { FieldCatalogue } from '../src/segments/fields/catalogue.js';
import { bucketOf } from '../src/segments/operators/bucket-operator.js';
import { parseSegment } from '../src/segments/plan/parse-segment.js';
import type { SegmentPlan } from '../src/segments/plan/plan.js';
import { segmentJsonSchema } from '../src/segments/schema/definition.js';
import { compile } from '../src/sql/compile.js';
import { columnTable } from '../src/warehouse/column-table.js';
import { memoryWarehouse } from './helpers/warehouse.js';
import { randomSegment } from './segments-random.js';

const DAY = 86_400_000;
const T = Date.UTC(2024, 5, 1);

const catalogue = new FieldCatalogue(
  [
    { name: 'customer_id', type: 'VARCHAR' },
    { name: 'age', type: 'INTEGER' },
    { name: 'country', type: 'VARCHAR' },
    { name: 'signup_date', type: 'DATE' },
    { name: 'traits', type: 'JSON' },
  ],
  [
    { name: 'run_id', type: 'INTEGER' },
    { name: 'customer_id', type: 'VARCHAR' },
    { name: 'p_alive', type: 'DOUBLE' },
    { name: 'signup_date', type: 'DATE' },
  ],
);

function plan(def: unknown): SegmentPlan {
  const r = parseSegment(def, catalogue);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value.plan;
}

describe('batch SQL (golden)', () => {
  it('compiles event counts with property filters, NOT and fields into one scan, values bound', () => {
    const p = plan({
      name: 'at-risk-fashion',
      conditions: [
        {
          kind: 'event',
          event: 'purchase',
          where: [{ property: 'category', op: '=', value: 'fashion' }],
          count: { op: 'at_least', value: 2 },
          window: { kind: 'last', days: 90 },
        },
        { kind: 'not_done', event: 'purchase', window: { kind: 'last', days: 30 } },
        { kind: 'not', condition: { kind: 'field', field: 'p_alive', op: '>', value: 0.6 } },
      ],
    });
    expect(compile(compileSegmentQuery(p, T))).toEqual({
      sql:
        'WITH "ev_rows" AS (SELECT "customer_id" AS "customer_id", "type" AS "type", "properties" AS "properties", epoch_ms("occurred_at") AS "t" ' +
        'FROM "events" WHERE (((("customer_id" IS NOT NULL) AND ("occurred_at" < $1)) AND ("occurred_at" >= $2)) AND ("type" IN ($3)))), ' +
        '"ev_agg" AS (SELECT "customer_id" AS "customer_id", ' +
        'count(*) FILTER (WHERE ((("type" = $4) AND coalesce(((CASE WHEN (json_type("properties", $5) = $6) THEN json_extract_string("properties", $7) END) = $8), $9)) AND (("t" > $10) AND ("t" <= $11)))) AS "a0", ' +
        'count(*) FILTER (WHERE (("type" = $12) AND (("t" > $13) AND ("t" <= $14)))) AS "a1" FROM "ev_rows" GROUP BY "customer_id") ' +
        'SELECT "a"."customer_id" AS "customer_id" FROM "ev_agg" AS "a" ' +
        'LEFT JOIN (SELECT * FROM "customer_scores" WHERE ("run_id" = (SELECT max("run_id") FROM "analysis_runs" WHERE ("status" = $15)))) AS "s" ON ("s"."customer_id" = "a"."customer_id") ' +
        'WHERE ((coalesce((coalesce("a"."a0", $16) >= $17), $18) AND coalesce((coalesce("a"."a1", $19) = $20), $21)) AND (NOT coalesce(("s"."p_alive" > $22), $23))) ' +
        'ORDER BY "a"."customer_id" ASC',
      params: [
        new Date(T + 1),
        new Date(T - 90 * DAY),
        'purchase',
        'purchase',
        '/category',
        'VARCHAR',
        '/category',
        'fashion',
        false,
        T - 90 * DAY,
        T,
        'purchase',
        T - 30 * DAY,
        T,
        'done',
        0,
        2,
        false,
        0,
        0,
        false,
        0.6,
        false,
      ],
    });
  });

  it('starts from every customer when someone without events can qualify, and compiles sequences as joins', () => {
    const p = plan({
      name: 'browsers',
      match: 'any',
      conditions: [
        { kind: 'sequence', steps: [{ event: 'cart' }, { event: 'purchase' }], within: { hours: 2 } },
        { kind: 'random_bucket', salt: 'holdout', from: 0, to: 10 },
      ],
    });
    expect(compile(compileSegmentQuery(p, T))).toEqual({
      sql:
        'WITH "ev_rows" AS (SELECT "customer_id" AS "customer_id", "type" AS "type", "properties" AS "properties", epoch_ms("occurred_at") AS "t" ' +
        'FROM "events" WHERE ((("customer_id" IS NOT NULL) AND ("occurred_at" < $1)) AND ("type" IN ($2, $3)))), ' +
        '"q0" AS (SELECT DISTINCT "s0"."customer_id" AS "id" FROM "ev_rows" AS "s0" INNER JOIN "ev_rows" AS "s1" ON ' +
        '((((("s1"."customer_id" = "s0"."customer_id") AND ("s1"."t" > "s0"."t")) AND ("s1"."type" = $4)) AND ("s1"."t" <= $5)) AND ("s1"."t" <= ("s0"."t" + $6))) ' +
        'WHERE (("s0"."type" = $7) AND ("s0"."t" <= $8))), ' +
        '"universe_mark" AS (SELECT "m"."covered_rowid" AS "w" FROM "segment_event_customers_mark" AS "m" ' +
        'WHERE ("m"."covered_rows" = ((SELECT count(*) FROM "events") - (SELECT count(*) FROM "events" WHERE ("rowid" > (SELECT "covered_rowid" FROM "segment_event_customers_mark")))))), ' +
        '"universe" AS (SELECT "customer_id" AS "id" FROM "customers" UNION ALL SELECT DISTINCT "x"."customer_id" FROM ' +
        '(SELECT "customer_id" FROM "segment_event_customers" WHERE (EXISTS (SELECT * FROM "universe_mark")) ' +
        'UNION ALL SELECT "customer_id" FROM "events" WHERE (("customer_id" IS NOT NULL) AND ("rowid" > coalesce((SELECT "w" FROM "universe_mark"), $9)))) AS "x" ' +
        'WHERE (NOT (EXISTS (SELECT * FROM "customers" AS "c" WHERE ("c"."customer_id" = "x"."customer_id"))))) ' +
        'SELECT "u"."id" AS "customer_id" FROM "universe" AS "u" ' +
        'WHERE (("u"."id" IN (SELECT "id" FROM "q0")) OR coalesce((((CAST(($10 || left(md5(($11 || "u"."id")), $12)) AS BIGINT) % $13) >= $14) AND ((CAST(($15 || left(md5(($16 || "u"."id")), $17)) AS BIGINT) % $18) < $19)), $20)) ' +
        'ORDER BY "u"."id" ASC',
      params: [
        new Date(T + 1),
        'cart',
        'purchase',
        'purchase',
        T,
        7_200_000,
        'cart',
        T,
        -1,
        '0x',
        'holdout:',
        8,
        100,
        0,
        '0x',
        'holdout:',
        8,
        100,
        10,
        false,
      ],
    });
  });

  it('runs on DuckDB with the expected members', async () => {
    const wh = await memoryWarehouse();
    await wh.append(
      'customers',
      columnTable({
        customer_id: ['ana', 'ben', 'cleo'],
        age: [34, 51, null],
        traits: ['{"vip":true,"tier":2}', '{"vip":"yes"}', null],
      }),
    );
    const events = [
      ['ana', 'purchase', T - 2 * DAY, { category: 'fashion', amount: 30 }],
      ['ana', 'purchase', T - 40 * DAY, { category: 'fashion', amount: '30' }],
      ['ben', 'purchase', T - DAY, { category: 'home', amount: 80 }],
      ['dan', 'cart', T - 3 * DAY, {}],
      ['dan', 'purchase', T - 3 * DAY + 3_600_000, { amount: 5 }],
      ['ana', 'purchase', T + DAY, { category: 'fashion' }],
    ] as const;
    await wh.append(
      'events',
      columnTable({
        event_id: events.map((_, i) => `e${i}`),
        customer_id: events.map((e) => e[0]),
        type: events.map((e) => e[1]),
        occurred_at: events.map((e) => e[2]),
        properties: events.map((e) => JSON.stringify(e[3])),
      }),
    );
    const cat = await FieldCatalogue.load(wh);
    const run = async (conditions: unknown[], match = 'all') => {
      const r = parseSegment({ name: 's', match, conditions }, cat);
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      return evaluateBatch(wh, r.value.plan, T);
    };
    expect(
      await run([{ kind: 'event', event: 'purchase', where: [{ property: 'amount', op: '>=', value: 30 }] }]),
    ).toEqual(['ana', 'ben']);
    expect(
      await run([
        {
          kind: 'event',
          event: 'purchase',
          where: [{ property: 'category', op: '=', value: 'fashion' }],
          count: { op: 'exactly', value: 2 },
        },
      ]),
    ).toEqual(['ana']);
    expect(await run([{ kind: 'not_done', event: 'purchase', window: { kind: 'last', days: 2 } }])).toEqual([
      'ana',
      'cleo',
      'dan',
    ]);
    expect(await run([{ kind: 'field', field: 'traits.vip', op: '=', value: true }])).toEqual(['ana']);
    expect(await run([{ kind: 'field', field: 'traits.tier', op: '>=', value: 2 }])).toEqual(['ana']);
    expect(
      await run([{ kind: 'not', condition: { kind: 'field', field: 'age', op: '>', value: 40 } }]),
    ).toEqual(['ana', 'cleo', 'dan']);
    expect(
      await run([{ kind: 'first_event', event: 'purchase', window: { kind: 'older_than', days: 30 } }]),
    ).toEqual(['ana']);
    expect(
      await run([
        { kind: 'sequence', steps: [{ event: 'cart' }, { event: 'purchase' }], within: { hours: 1 } },
      ]),
    ).toEqual(['dan']);
    expect(await run([{ kind: 'customer_ids', ids: ['ben', 'zoe'] }])).toEqual(['ben']);
    const inBucket = ['ana', 'ben', 'cleo', 'dan'].filter((id) => bucketOf('exp-1', id) < 50);
    expect(await run([{ kind: 'random_bucket', salt: 'exp-1', from: 0, to: 50 }])).toEqual(inBucket);
    await wh.close();
  });
});

describe('validators do not crash on garbage (fuzz)', () => {
  const mutate = (r: ReturnType<typeof createRng>, v: unknown, depth = 0): unknown => {
    const junk = [null, 0, -1, 1.5, '', 'x', true, [], {}, { kind: 'nope' }, 1e308, '2024-13-45'];
    if (r.next() < 0.15 || depth > 6) return r.pick(junk);
    if (Array.isArray(v)) {
      const out = v.map((x) => mutate(r, x, depth + 1));
      if (r.next() < 0.1) out.push(r.pick(junk));
      if (r.next() < 0.1) out.splice(r.int(out.length + 1), 1);
      return out;
    }
    if (v !== null && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) if (r.next() > 0.05) out[k] = mutate(r, x, depth + 1);
      if (r.next() < 0.05) out[r.pick(['extra', 'kind', 'op', 'window'])] = r.pick(junk);
      return out;
    }
    return v;
  };

  it('rule validator: 3000 mutated rules each either validate or give located messages', () => {
    const r = createRng(99);
    let valid = 0;
    for (let i = 0; i < 3000; i++) {
      const def = mutate(r, randomSegment(r, `s${i}`, { start: T, span: 10 * DAY, ids: ['a', 'b'] }));
      const res = parseSegment(def, catalogue);
      if (res.ok) valid++;
      else for (const issue of res.error) expect(issue.message.length).toBeGreaterThan(0);
    }
    expect(valid).toBeGreaterThan(30);
  });

  it('event batches: 3000 mutated bodies each either validate or give located messages', () => {
    const r = createRng(7);
    const good = {
      events: [
        {
          event_id: 'e1',
          customer_id: 'c1',
          type: 'purchase',
          occurred_at: '2024-05-01T10:00:00Z',
          properties: { a: 1, b: [1, 'x'] },
        },
        { event_id: 'e2', customer_id: 'c2', type: 'view', occurred_at: 1714557600000 },
      ],
    };
    let valid = 0;
    for (let i = 0; i < 3000; i++) {
      const res = parseEventBatch(mutate(r, good));
      if (res.ok) valid++;
      else for (const issue of res.error) expect(`${issue.path}: ${issue.message}`).toMatch(/\S/);
    }
    expect(valid).toBeGreaterThan(50);
  });

  it('publishes a JSON schema of the rule format', () => {
    const schema = segmentJsonSchema();
    expect(schema).toMatchObject({
      $ref: '#/$defs/SegmentDefinition',
      $defs: { SegmentDefinition: { type: 'object', required: ['name', 'conditions'] } },
    });
    expect(Object.keys(schema.$defs as object)).toEqual(
      expect.arrayContaining(['Condition', 'Window', 'EventCondition']),
    );
  });
});
