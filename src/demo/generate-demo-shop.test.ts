import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CellValue, ColumnTable } from '../warehouse/column-table.js';
import { initial } from '../warehouse/migrations/001-initial.js';
import { fingerprintTables } from './fingerprint.js';
import { DEMO_ENTITIES, type DemoShop, generateDemoShop } from './generate-demo-shop.js';
import { DAY_MS } from './options.js';

const col = <T extends CellValue>(t: ColumnTable, name: string): readonly T[] => {
  const c = t.columns[name];
  if (!c) throw new Error(`no column ${name}`);
  return c as readonly T[];
};

/** Column names of each table in migration 001, without the import bookkeeping. */
function warehouseColumns(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const sql of initial.statements) {
    const m = /CREATE TABLE (\w+) \(([\s\S]*)\)/.exec(sql);
    if (!m) continue;
    out[m[1] as string] = (m[2] as string)
      .split('\n')
      .map((l) => l.trim().split(/\s+/)[0]?.replace(/"/g, '') ?? '')
      .filter((c) => c && c !== 'import_id' && c !== 'source_line');
  }
  return out;
}

interface OrderInfo {
  customer: string | null;
  at: number;
  channel: string;
}

describe('generateDemoShop (20,000 customers)', () => {
  let shop: DemoShop;
  let ms = 0;
  let persona: Map<string, string>;
  /** Purchase orders by id. */
  let orders: Map<string, OrderInfo>;
  let ordersByCustomer: Map<string, OrderInfo[]>;

  beforeAll(() => {
    const t0 = performance.now();
    shop = generateDemoShop();
    ms = performance.now() - t0;
    const truth = shop.truth.customers;
    const ids = col<string>(truth, 'customer_id');
    const personas = col<string>(truth, 'persona_id');
    persona = new Map(ids.map((id, i) => [id, personas[i] as string]));
    const ol = shop.tables.order_lines;
    const oid = col<string>(ol, 'order_id');
    const cust = col<string | null>(ol, 'customer_id');
    const at = col<number>(ol, 'ordered_at');
    const channel = col<string>(ol, 'channel');
    const status = col<string>(ol, 'status');
    orders = new Map();
    ordersByCustomer = new Map();
    for (let i = 0; i < ol.rowCount; i++) {
      if (status[i] !== 'purchase' || orders.has(oid[i] as string)) continue;
      const info = { customer: cust[i] ?? null, at: at[i] as number, channel: channel[i] as string };
      orders.set(oid[i] as string, info);
      if (info.customer) {
        const list = ordersByCustomer.get(info.customer) ?? [];
        list.push(info);
        ordersByCustomer.set(info.customer, list);
      }
    }
  });

  it('runs in a few seconds and reports its sizes', () => {
    expect(ms).toBeLessThan(15_000);
    const { rows } = shop.summary;
    expect(rows.customers).toBe(20_000);
    expect(rows.products).toBe(40);
    expect(shop.summary.orders).toBeGreaterThan(100_000);
    expect(shop.summary.orders).toBeLessThan(200_000);
    expect(rows.order_lines).toBeGreaterThan(1.5 * shop.summary.orders);
    expect(rows.order_lines).toBeLessThan(2.5 * shop.summary.orders);
    expect(rows.events).toBeGreaterThan(500_000);
    expect(rows.events).toBeLessThanOrEqual(1_500_000);
    expect(rows.campaigns).toBe(24);
    expect(rows.messages).toBeGreaterThan(4_000);
    expect(rows.campaign_responses).toBeGreaterThan(40_000);
    const perBuyer = shop.summary.orders / shop.summary.buyingCustomers;
    expect(perBuyer).toBeGreaterThan(6);
    expect(perBuyer).toBeLessThan(10);
    expect(orders.size).toBe(shop.summary.orders);
  });

  it('has exactly the warehouse columns of each entity, except import_id and source_line', () => {
    const expected = warehouseColumns();
    for (const e of DEMO_ENTITIES) {
      expect(Object.keys(shop.tables[e].columns).sort(), e).toEqual([...(expected[e] ?? [])].sort());
    }
  });

  it('holds no NaN, no infinities, no holes; timestamps inside the window, dates at midnight', () => {
    const { startMs, endMs } = shop.options;
    const timestamps = new Set([
      'ordered_at',
      'occurred_at',
      'sent_at',
      'opened_at',
      'clicked_at',
      'converted_at',
    ]);
    for (const e of DEMO_ENTITIES) {
      for (const [name, values] of Object.entries(shop.tables[e].columns)) {
        for (let i = 0; i < values.length; i++) {
          const v = values[i];
          if (v === undefined) throw new Error(`${e}.${name}[${i}] is a hole`);
          if (typeof v === 'number' && !Number.isFinite(v)) throw new Error(`${e}.${name}[${i}] = ${v}`);
          if (
            typeof v === 'number' &&
            timestamps.has(name) &&
            (v < startMs || v >= endMs || !Number.isInteger(v))
          ) {
            throw new Error(`${e}.${name}[${i}] = ${new Date(v).toISOString()} outside the window`);
          }
        }
      }
    }
    const c = shop.tables.customers;
    for (const name of ['birth_date', 'signup_date']) {
      expect(col<number | null>(c, name).every((d) => d === null || d % DAY_MS === 0)).toBe(true);
    }
    const endYear = new Date(endMs - DAY_MS);
    const ages = col<number | null>(c, 'birth_date')
      .filter((b): b is number => b !== null)
      .map((b) => {
        const birth = new Date(b);
        const y = endYear.getUTCFullYear() - birth.getUTCFullYear();
        const md = (d: Date) => d.getUTCMonth() * 100 + d.getUTCDate();
        return md(endYear) < md(birth) ? y - 1 : y;
      });
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(18);
    expect(Math.max(...ages)).toBeLessThanOrEqual(80);
    // Part of the base signed up before the window (the shop existed before the export starts).
    const signup = col<number>(c, 'signup_date');
    expect(signup.every((d) => d >= startMs - 370 * DAY_MS && d < endMs)).toBe(true);
    const before = signup.filter((d) => d < startMs).length / c.rowCount;
    expect(before).toBeGreaterThan(0.1);
    expect(before).toBeLessThan(0.4);
    const signupOf = new Map(col<string>(c, 'customer_id').map((id, i) => [id, signup[i] as number]));
    const early = [...orders.values()].filter((o) => o.customer && o.at < (signupOf.get(o.customer) ?? 0));
    expect(early).toHaveLength(0);
    const age = col<number | null>(c, 'age');
    const births = col<number | null>(c, 'birth_date');
    expect(age.every((a) => a === null || (a >= 18 && a <= 80))).toBe(true);
    expect(age.every((a, i) => births[i] === null || a !== null)).toBe(true);
  });

  it('keeps every key unique', () => {
    const unique = (t: ColumnTable, ...names: string[]) => {
      const cols = names.map((n) => col(t, n));
      const keys = new Set<string>();
      for (let i = 0; i < t.rowCount; i++) keys.add(cols.map((c) => String(c[i])).join('|'));
      return keys.size === t.rowCount;
    };
    expect(unique(shop.tables.customers, 'customer_id')).toBe(true);
    expect(unique(shop.tables.products, 'product_id')).toBe(true);
    expect(unique(shop.tables.order_lines, 'order_id', 'line_no')).toBe(true);
    expect(unique(shop.tables.events, 'event_id')).toBe(true);
    expect(unique(shop.tables.messages, 'message_id')).toBe(true);
    expect(unique(shop.tables.campaigns, 'campaign_id')).toBe(true);
    expect(unique(shop.tables.campaign_responses, 'campaign_id', 'customer_id')).toBe(true);
  });

  it('references only existing customers, products, orders and campaigns (guest orders aside)', () => {
    const customers = new Set(col<string>(shop.tables.customers, 'customer_id'));
    const products = new Set(col<string>(shop.tables.products, 'product_id'));
    const campaigns = new Set(col<string>(shop.tables.campaigns, 'campaign_id'));
    const ol = shop.tables.order_lines;
    expect(col<string | null>(ol, 'customer_id').every((c) => c === null || customers.has(c))).toBe(true);
    expect(col<string>(ol, 'product_id').every((p) => products.has(p))).toBe(true);
    for (const e of ['events', 'messages', 'campaign_responses'] as const) {
      expect(
        col<string>(shop.tables[e], 'customer_id').every((c) => customers.has(c)),
        e,
      ).toBe(true);
    }
    expect(col<string>(shop.tables.campaign_responses, 'campaign_id').every((c) => campaigns.has(c))).toBe(
      true,
    );
    const guests = [...orders.values()].filter((o) => o.customer === null).length;
    expect(guests).toBe(shop.summary.guestOrders);
    expect(guests / orders.size).toBeGreaterThan(0.008);
    expect(guests / orders.size).toBeLessThan(0.012);
    const checkout = col<string>(shop.tables.events, 'properties').filter((_, i) => i % 101 === 0);
    for (const p of checkout) expect(() => JSON.parse(p)).not.toThrow();
  });

  it('writes order lines with exact amounts, signed cancellations and returns, known cost for most lines', () => {
    const ol = shop.tables.order_lines;
    const oid = col<string>(ol, 'order_id');
    const q = col<number>(ol, 'quantity');
    const unit = col<number>(ol, 'unit_price');
    const amount = col<number>(ol, 'amount');
    const cost = col<number | null>(ol, 'cost');
    const status = col<string>(ol, 'status');
    const customer = col<string | null>(ol, 'customer_id');
    const currency = col<string>(ol, 'currency');
    const at = col<number>(ol, 'ordered_at');
    let withCost = 0;
    const counts: Record<string, Set<string>> = {
      purchase: new Set(),
      cancellation: new Set(),
      return: new Set(),
    };
    const bad: string[] = [];
    for (let i = 0; i < ol.rowCount; i++) {
      const s = status[i] as string;
      const qi = q[i] as number;
      const set = counts[s];
      if (!set) bad.push(`${i}: status ${s}`);
      set?.add(oid[i] as string);
      if (amount[i] !== Math.round(qi * (unit[i] as number) * 100) / 100)
        bad.push(`${i}: amount ${amount[i]}`);
      if (!Number.isInteger(qi)) bad.push(`${i}: quantity ${qi}`);
      if (currency[i] !== 'EUR') bad.push(`${i}: currency ${currency[i]}`);
      if (cost[i] !== null) withCost++;
      if (s === 'purchase') {
        if (!(qi > 0) || !/^\d+$/.test(oid[i] as string)) bad.push(`${i}: purchase ${oid[i]} x ${qi}`);
      } else {
        const original = orders.get((oid[i] as string).slice(1));
        if (!(qi < 0 && (amount[i] as number) < 0)) bad.push(`${i}: ${s} with quantity ${qi}`);
        if (!/^C\d+$/.test(oid[i] as string) || !original) bad.push(`${i}: ${s} of unknown order ${oid[i]}`);
        if (original && (original.customer !== customer[i] || (at[i] as number) <= original.at)) {
          bad.push(`${i}: ${s} does not follow its order ${oid[i]}`);
        }
      }
    }
    expect(bad.slice(0, 5)).toEqual([]);
    expect(withCost / ol.rowCount).toBeGreaterThan(0.8);
    expect(withCost / ol.rowCount).toBeLessThan(0.98);
    const cancelled = (counts.cancellation?.size ?? 0) / orders.size;
    expect(cancelled).toBeGreaterThan(0.015);
    expect(cancelled).toBeLessThan(0.035);
    expect((counts.return?.size ?? 0) / orders.size).toBeGreaterThan(0.02);
  });

  it('hides a Tuesday-night persona: >60% of their orders on Tuesday 20-23h, against ~3% for everybody else', () => {
    let tue = 0;
    let all = 0;
    let tueOthers = 0;
    let allOthers = 0;
    for (const o of orders.values()) {
      const d = new Date(o.at);
      const slot = d.getUTCDay() === 2 && d.getUTCHours() >= 20 && d.getUTCHours() < 23;
      if (o.customer && persona.get(o.customer) === 'tuesday_night') {
        all++;
        if (slot) tue++;
      } else {
        allOthers++;
        if (slot) tueOthers++;
      }
    }
    expect(tue / all).toBeGreaterThan(0.6);
    expect(tueOthers / allOthers).toBeLessThan(0.04);
    expect(tueOthers / allOthers).toBeGreaterThan(0.015);
    // And they are most of that slot's buyers.
    expect(tue / (tue + tueOthers)).toBeGreaterThan(0.6);
  });

  it('gives each persona its rhythm', () => {
    const { startMs, endMs, days } = shop.options;
    const stats = (p: string) => {
      const list = [...ordersByCustomer.entries()]
        .filter(([c]) => persona.get(c) === p)
        .flatMap(([, l]) => l);
      const customers = [...persona.values()].filter((x) => x === p).length;
      return { list, customers, perCustomer: list.length / customers };
    };
    const weekend = stats('weekend_app').list;
    const onWeekend = weekend.filter(
      (o) => [0, 6].includes(new Date(o.at).getUTCDay()) && o.channel === 'app',
    );
    expect(onWeekend.length / weekend.length).toBeGreaterThan(0.7);
    const repeatOneAndDone = [...ordersByCustomer].filter(
      ([c, l]) => persona.get(c) === 'one_and_done' && l.length !== 1,
    );
    expect(repeatOneAndDone).toHaveLength(0);
    expect([...ordersByCustomer.keys()].filter((c) => persona.get(c) === 'window_shoppers')).toHaveLength(0);
    const newSince = endMs - 92 * DAY_MS;
    const signup = col<number>(shop.tables.customers, 'signup_date');
    const lateNew = col<string>(shop.tables.customers, 'customer_id').filter(
      (id, i) => persona.get(id) === 'new_customers' && (signup[i] as number) < newSince,
    );
    expect(lateNew).toHaveLength(0);
    const lapsed = stats('lapsed').list;
    const late = lapsed.filter((o) => o.at > startMs + 0.6 * days * DAY_MS).length;
    expect(late / lapsed.length).toBeLessThan(0.03);
    const atRisk = stats('at_risk').list;
    const rate = (from: number, to: number) =>
      atRisk.filter((o) => o.at >= startMs + from * DAY_MS && o.at < startMs + to * DAY_MS).length /
      (to - from);
    expect(rate(days - 60, days)).toBeLessThan(0.35 * rate(90, 365));
    const champions = stats('champions').perCustomer;
    expect(champions).toBeGreaterThan(3 * (shop.summary.orders / 20_000));
    expect(stats('loyal_regulars').perCustomer).toBeGreaterThan(stats('bargain_hunters').perCustomer);
  });

  it('follows the retail calendar: Black Friday weekend busy, August quiet', () => {
    const perDay = new Map<string, number>();
    for (const o of orders.values()) {
      const day = new Date(o.at).toISOString().slice(0, 10);
      perDay.set(day, (perDay.get(day) ?? 0) + 1);
    }
    const mean = (prefix: string) => {
      const days = [...perDay.entries()].filter(([d]) => d.startsWith(prefix)).map(([, n]) => n);
      return days.reduce((a, b) => a + b, 0) / days.length;
    };
    const bf = ['2025-11-28', '2025-11-29', '2025-11-30', '2025-12-01'].map((d) => perDay.get(d) ?? 0);
    expect(bf.reduce((a, b) => a + b, 0) / 4).toBeGreaterThan(1.8 * mean('2025-10'));
    expect(mean('2025-08')).toBeLessThan((0.85 * (mean('2025-06') + mean('2025-10'))) / 2);
    const advent = ['01', '05', '09', '13', '17', '21'].map((d) => perDay.get(`2025-12-${d}`) ?? 0);
    expect(advent.reduce((a, b) => a + b, 0) / advent.length).toBeGreaterThan(1.25 * mean('2025-10'));
  });

  it('runs campaigns with control groups, and visual responders convert ~1.8x better on visual', () => {
    const cp = shop.tables.campaigns;
    expect(col<string>(cp, 'creative_type').filter((c) => c === 'visual')).toHaveLength(12);
    const sentAt = new Map(
      col<string>(cp, 'campaign_id').map((id, i) => [id, col<number>(cp, 'sent_at')[i] as number]),
    );
    const r = shop.tables.campaign_responses;
    const control = col<boolean>(r, 'is_control');
    const sent = col<number | null>(r, 'sent_at');
    const opened = col<number | null>(r, 'opened_at');
    const clicked = col<number | null>(r, 'clicked_at');
    const converted = col<number | null>(r, 'converted_at');
    const revenue = col<number | null>(r, 'revenue');
    const campaign = col<string>(r, 'campaign_id');
    const creative = col<string>(r, 'creative_type');
    const customer = col<string>(r, 'customer_id');
    const rates: Record<string, [number, number]> = {};
    const bad: string[] = [];
    let controls = 0;
    for (let i = 0; i < r.rowCount; i++) {
      const s = sentAt.get(campaign[i] as string) as number;
      if (control[i]) {
        controls++;
        if (sent[i] !== null || opened[i] !== null || clicked[i] !== null)
          bad.push(`${i}: control was contacted`);
      } else {
        if (sent[i] !== s) bad.push(`${i}: sent_at ${sent[i]}`);
        if (opened[i] !== null && clicked[i] !== null && (clicked[i] as number) <= (opened[i] as number)) {
          bad.push(`${i}: clicked before opening`);
        }
        const key = `${persona.get(customer[i] as string) === 'visual_responders' ? 'visual_responders' : 'others'}/${creative[i]}`;
        const a = rates[key] ?? [0, 0];
        rates[key] = a;
        a[0]++;
        if (converted[i] !== null) a[1]++;
      }
      const conv = converted[i];
      if (conv !== null && conv !== undefined) {
        if (conv < s || conv >= s + 7 * DAY_MS || !((revenue[i] as number) > 0)) bad.push(`${i}: conversion`);
      } else if (revenue[i] !== null) bad.push(`${i}: revenue without conversion`);
    }
    expect(bad.slice(0, 5)).toEqual([]);
    expect(controls / r.rowCount).toBeGreaterThan(0.08);
    expect(controls / r.rowCount).toBeLessThan(0.12);
    const rate = (k: string) => (rates[k]?.[1] ?? 0) / (rates[k]?.[0] ?? 1);
    const visualLift = rate('visual_responders/visual') / rate('visual_responders/text');
    expect(visualLift).toBeGreaterThan(1.5);
    expect(visualLift).toBeLessThan(2.2);
    const othersLift = rate('others/visual') / rate('others/text');
    expect(othersLift).toBeGreaterThan(0.85);
    expect(othersLift).toBeLessThan(1.15);
  });

  it('plants ~1% duplicated identities that normalised email or phone reveal, as truth says', () => {
    const c = shop.tables.customers;
    const ids = col<string>(c, 'customer_id');
    const email = col<string | null>(c, 'email');
    const phone = col<string | null>(c, 'phone');
    const country = col<string>(c, 'country');
    const duplicateOf = col<string | null>(shop.truth.customers, 'duplicate_of');
    const firstSeen = new Map<string, string>();
    let found = 0;
    let invalidPhones = 0;
    const wrong: string[] = [];
    for (let i = 0; i < c.rowCount; i++) {
      const keys: string[] = [];
      const e = email[i];
      if (e) keys.push(`e:${e.trim().toLowerCase()}`);
      const p = phone[i];
      if (p) {
        const parsed = parsePhoneNumberFromString(p, country[i] as 'ES');
        if (parsed?.isValid()) keys.push(`p:${parsed.number}`);
        else invalidPhones++;
      }
      const match = keys.map((k) => firstSeen.get(k)).find((x) => x !== undefined);
      if (match) found++;
      if ((match ?? null) !== duplicateOf[i])
        wrong.push(`${ids[i]}: matches ${match}, truth ${duplicateOf[i]}`);
      for (const k of keys) if (!firstSeen.has(k)) firstSeen.set(k, ids[i] as string);
    }
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(invalidPhones).toBe(0);
    expect(found).toBe(shop.summary.duplicateCustomers);
    expect(found).toBe(200);
    // Raw values differ: only normalisation finds them.
    const rawEmails = email.filter((e): e is string => e !== null);
    expect(new Set(rawEmails).size).toBe(rawEmails.length);
  });

  it('speaks Spanish and English, with tone following the persona', () => {
    const m = shop.tables.messages;
    const language = col<string>(m, 'language');
    const es = language.filter((l) => l === 'es').length / m.rowCount;
    expect(es).toBeGreaterThan(0.8);
    expect(es).toBeLessThan(0.97);
    expect(new Set(col<string>(m, 'channel'))).toEqual(
      new Set(['email', 'chat', 'call_transcript', 'review']),
    );
    expect(new Set(col<string>(m, 'direction'))).toEqual(new Set(['inbound']));
    const tone = col<string>(shop.truth.messages, 'tone');
    const customer = col<string>(m, 'customer_id');
    const negative = (p: string[]) => {
      const idx = customer.map((c, i) => (p.includes(persona.get(c) ?? '') ? i : -1)).filter((i) => i >= 0);
      return idx.filter((i) => tone[i] === 'negative').length / idx.length;
    };
    expect(negative(['at_risk', 'lapsed'])).toBeGreaterThan(0.5);
    expect(negative(['champions'])).toBeLessThan(0.2);
    const texts = col<string>(m, 'text');
    expect(texts.every((t) => t.length > 20)).toBe(true);
    // A cited order is one of the customer's own.
    const foreign = texts.filter((t, i) => {
      const id = /(?:pedido|order) (\d+)/.exec(t)?.[1];
      return id !== undefined && orders.get(id)?.customer !== customer[i];
    });
    expect(foreign).toEqual([]);
  });

  it('leans demographics and survey answers by persona, and stores traits as JSON objects', () => {
    const c = shop.tables.customers;
    const ids = col<string>(c, 'customer_id');
    const values = col<string | null>(c, 'values');
    const income = col<number | null>(c, 'income');
    const share = (p: string, v: string) => {
      const answered = ids
        .map((id, i) => [persona.get(id), values[i]])
        .filter(([q, x]) => q === p && x !== null);
      return answered.filter(([, x]) => x === v).length / answered.length;
    };
    expect(share('bargain_hunters', 'ahorro')).toBeGreaterThan(0.45);
    expect(share('champions', 'ahorro')).toBeLessThan(0.15);
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    const incomeOf = (p?: string) =>
      median(
        ids.flatMap((id, i) =>
          (p === undefined || persona.get(id) === p) && income[i] !== null ? [income[i] as number] : [],
        ),
      );
    expect(incomeOf('champions')).toBeGreaterThan(1.3 * incomeOf());
    const traits = col<string>(c, 'traits').map((t) => JSON.parse(t) as unknown);
    expect(traits.every((t) => typeof t === 'object' && t !== null && !Array.isArray(t))).toBe(true);
  });

  it('covers the cities and countries of the brief', () => {
    const c = shop.tables.customers;
    const cities = new Set(col<string>(c, 'city'));
    for (const city of [
      'Madrid',
      'Barcelona',
      'Valencia',
      'Sevilla',
      'Bilbao',
      'Zaragoza',
      'Málaga',
      'Ciudad de México',
    ]) {
      expect(cities).toContain(city);
    }
    for (const city of [
      'Guadalajara',
      'Monterrey',
      'Buenos Aires',
      'Córdoba',
      'Bogotá',
      'Medellín',
      'Santiago',
      'Lima',
    ]) {
      expect(cities).toContain(city);
    }
    const spain = col<string>(c, 'country').filter((x) => x === 'ES').length / c.rowCount;
    expect(spain).toBeGreaterThan(0.5);
    expect(spain).toBeLessThan(0.75);
  });

  it('is deterministic: same seed, same bytes', () => {
    expect(fingerprintTables(generateDemoShop().tables)).toBe(fingerprintTables(shop.tables));
  });
});

describe('generateDemoShop (small)', () => {
  it('differs with the seed and scales with `scale`', () => {
    const a = generateDemoShop({ customers: 1_000, seed: 1 });
    const b = generateDemoShop({ customers: 1_000, seed: 2 });
    expect(fingerprintTables(a.tables)).not.toBe(fingerprintTables(b.tables));
    expect(fingerprintTables(generateDemoShop({ customers: 1_000, seed: 1 }).tables)).toBe(
      fingerprintTables(a.tables),
    );
    expect(generateDemoShop({ customers: 1_000, scale: 0.5 }).summary.rows.customers).toBe(500);
  });

  it('works for a tiny shop over a short window', () => {
    const s = generateDemoShop({ customers: 12, start: '2025-01-01', end: '2025-02-15' });
    expect(s.summary.rows.customers).toBe(12);
    expect(s.summary.rows.campaigns).toBe(2);
    expect(s.truth.personas.reduce((a, p) => a + p.customers, 0)).toBe(12);
  });
});
