/** The demo shop: a seeded synthetic Spanish/Latin-American retailer for the quick start, tests and benches. */
export {
  DEMO_ENTITIES,
  type DemoEntity,
  type DemoPersonaTruth,
  type DemoShop,
  type DemoSummary,
  type DemoTruth,
  GUEST_ORDER_SHARE,
  generateDemoShop,
} from './generate-demo-shop.js';
export {
  DEMO_DEFAULTS,
  type DemoShopOptions,
  type ResolvedDemoOptions,
  resolveDemoOptions,
} from './options.js';
export { PERSONA_IDS, PERSONAS, type PersonaId, type PersonaSpec } from './personas.js';
