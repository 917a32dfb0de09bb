import { createRng } from '../core/rng.js';
import { type ColumnTable, columnTable } from '../warehouse/column-table.js';
import { buildCalendar } from './calendar.js';
import { campaignTables, runCampaigns, scheduleCampaigns } from './campaigns.js';
import { productsTable } from './catalog.js';
import { buildEvents } from './events.js';
import { buildMessages } from './messages.js';
import { type DemoShopOptions, type ResolvedDemoOptions, resolveDemoOptions } from './options.js';
import { buildOrders } from './order-lines.js';
import { PERSONAS, type PersonaId, personaAt } from './personas.js';
import { buildPopulation } from './population.js';
import { emptyOrderDrafts, guestOrders, organicOrders, personaClocks } from './purchases.js';

/**
 * A seeded synthetic retailer ("Segmenta demo shop"): Spanish and Latin-American customers with hidden personas,
 * a catalogue, two years of orders, web/app events, campaigns with control groups and customer messages. Pure:
 * no database, no clock, no Math.random; the same options give byte-identical tables. Columns are exactly those
 * of the warehouse entities (migration 001) minus `import_id` and `source_line`.
 */
export const DEMO_ENTITIES = [
  'customers',
  'products',
  'order_lines',
  'events',
  'messages',
  'campaigns',
  'campaign_responses',
] as const;
export type DemoEntity = (typeof DEMO_ENTITIES)[number];

export interface DemoPersonaTruth {
  readonly id: PersonaId;
  readonly name: string;
  readonly description: string;
  /** Customer rows (duplicate records included) with this persona. */
  readonly customers: number;
}

/** What the analyses should rediscover. */
export interface DemoTruth {
  readonly personas: readonly DemoPersonaTruth[];
  /** customer_id, persona_id, persona_name, duplicate_of (original customer_id or null), duplicate_match. */
  readonly customers: ColumnTable;
  /** message_id, tone (positive / neutral / negative), topic. */
  readonly messages: ColumnTable;
}

export interface DemoSummary {
  readonly seed: number;
  readonly start: string;
  readonly end: string;
  readonly rows: Readonly<Record<DemoEntity, number>>;
  /** Purchase orders (each has one order id; cancellations and returns are separate "C" ids). */
  readonly orders: number;
  readonly guestOrders: number;
  readonly campaignOrders: number;
  readonly cancellations: number;
  readonly returns: number;
  readonly buyingCustomers: number;
  readonly duplicateCustomers: number;
}

export interface DemoShop {
  readonly options: ResolvedDemoOptions;
  readonly tables: Readonly<Record<DemoEntity, ColumnTable>>;
  readonly truth: DemoTruth;
  readonly summary: DemoSummary;
}

export const GUEST_ORDER_SHARE = 0.01;

/** Generate the demo shop. Runs in a few seconds for the default 20,000 customers. */
export function generateDemoShop(options: DemoShopOptions = {}): DemoShop {
  const o = resolveDemoOptions(options);
  const root = createRng(o.seed);
  const cal = buildCalendar(o);
  const pop = buildPopulation(root.fork(1), o);
  const clocks = personaClocks(cal);
  const drafts = emptyOrderDrafts();
  const aliveUntil = organicOrders(root.fork(2), cal, pop, clocks, drafts);
  const campaigns = scheduleCampaigns(cal);
  const responses = runCampaigns(root.fork(3), cal, pop, campaigns, aliveUntil, drafts);
  const campaignOrders = drafts.campaign.filter((k) => k >= 0).length;
  const everyday = clocks[0];
  if (everyday) guestOrders(root.fork(4), cal, everyday, GUEST_ORDER_SHARE, drafts);
  const orders = buildOrders(root.fork(5), cal, pop, drafts);
  const { campaigns: campaignsTable, responses: responsesTable } = campaignTables(
    pop,
    campaigns,
    responses,
    orders,
  );
  const events = buildEvents(root.fork(6), cal, pop, orders, campaigns, responses, aliveUntil);
  const messages = buildMessages(root.fork(7), cal, pop, orders);

  const tables: Record<DemoEntity, ColumnTable> = {
    customers: pop.table,
    products: productsTable(),
    order_lines: orders.table,
    events,
    messages: messages.table,
    campaigns: campaignsTable,
    campaign_responses: responsesTable,
  };

  const perPersona = new Array<number>(PERSONAS.length).fill(0);
  const buyers = new Uint8Array(pop.n);
  let guests = 0;
  for (let i = 0; i < orders.count; i++) {
    const r = orders.row[i] ?? -1;
    if (r >= 0) buyers[r] = 1;
    else guests++;
  }
  let buying = 0;
  for (let r = 0; r < pop.n; r++) {
    const p = pop.persona[r] ?? 0;
    perPersona[p] = (perPersona[p] ?? 0) + 1;
    buying += buyers[r] ?? 0;
  }
  const truthCustomers = columnTable({
    customer_id: pop.ids,
    persona_id: Array.from(pop.persona, (p) => personaAt(p).id),
    persona_name: Array.from(pop.persona, (p) => personaAt(p).name),
    duplicate_of: Array.from(pop.personRow, (p, r) => (p === r ? null : (pop.ids[p] ?? null))),
    duplicate_match: pop.duplicateMatch,
  });
  const truth: DemoTruth = {
    personas: PERSONAS.map((p, i) => ({
      id: p.id,
      name: p.name,
      description: p.description,
      customers: perPersona[i] ?? 0,
    })),
    customers: truthCustomers,
    messages: columnTable({
      message_id: messages.table.columns.message_id ?? [],
      tone: messages.tone,
      topic: messages.topic,
    }),
  };
  const rows = Object.fromEntries(DEMO_ENTITIES.map((e) => [e, tables[e].rowCount])) as Record<
    DemoEntity,
    number
  >;
  const summary: DemoSummary = {
    seed: o.seed,
    start: o.start,
    end: o.end,
    rows,
    orders: orders.count,
    guestOrders: guests,
    campaignOrders,
    cancellations: orders.cancellations,
    returns: orders.returns,
    buyingCustomers: buying,
    duplicateCustomers: pop.duplicateMatch.filter((m) => m !== null).length,
  };
  return { options: o, tables, truth, summary };
}
