/**
 * The hidden personas of the demo shop: what later analyses (RFM, lifecycle, clusters, hidden patterns, creative
 * response, sentiment) must rediscover. Each customer belongs to exactly one; `truth` in the generated shop says
 * which. Purchases follow a BG/NBD-like process per customer (Fader, Hardie & Lee 2005): while "alive", orders
 * arrive at a personal rate drawn from a gamma distribution around the persona's mean (regular personas use
 * gamma-shaped gaps instead of exponential ones), and after each purchase the customer drops out with a
 * personal probability drawn from a beta distribution. The clock runs through the persona's seasonality.
 *
 * | persona           | share | rhythm                                                                        |
 * |-------------------|-------|-------------------------------------------------------------------------------|
 * | champions         |   5%  | ~1.5 orders/month, long-standing, big baskets, rarely drop out, praise us     |
 * | loyal regulars    |  14%  | steady ~0.7/month with regular gaps, mornings, home and gourmet, older        |
 * | bargain hunters   |  12%  | buy in sales (Black Friday, rebajas), most lines discounted, return more      |
 * | new customers     |   8%  | signed up in the last ~3 months (1/8 of the window), first orders only        |
 * | one-and-done      |  15%  | exactly one order, never again                                                |
 * | lapsed            |  11%  | active in year 1 (~0.7/month), stop for good around months 9-14; complain     |
 * | at risk           |   8%  | ~0.85/month, slowing down sharply over the last 4-7 months; complain          |
 * | Tuesday-night     |   6%  | ~76% of orders on Tuesday 20:00-22:59 (base ~3%), web/app, books, gadgets     |
 * | weekend app       |   9%  | ~82% of orders on Saturday/Sunday through the app; toys and sport             |
 * | visual responders |   7%  | low organic rate, open a lot, convert ~1.8x better on visual than text        |
 * | window shoppers   |   5%  | registered, browse and open email, never buy                                  |
 *
 * Long-standing personas partly signed up before the window (the shop existed before the export starts), so
 * the first months are not a cold start; their earlier orders are simulated (they drive dropout) but not output.
 *
 * Demographics and psychographic answers lean by persona (champions earn more, bargain hunters are younger and
 * value saving, loyal regulars are older and brand-loyal...), so segmentations on those variables find structure.
 */
export const PERSONA_IDS = [
  'champions',
  'loyal_regulars',
  'bargain_hunters',
  'new_customers',
  'one_and_done',
  'lapsed',
  'at_risk',
  'tuesday_night',
  'weekend_app',
  'visual_responders',
  'window_shoppers',
] as const;
export type PersonaId = (typeof PERSONA_IDS)[number];

/** Per channel weights, in the order web, app, store, phone. */
export type ChannelWeights = readonly [number, number, number, number];
/** Per category weights, in `CATEGORIES` order. */
export type CategoryWeights = readonly [number, number, number, number, number, number, number, number];
/** By creative type. */
export interface ByCreative {
  readonly visual: number;
  readonly text: number;
}

export interface PersonaSpec {
  readonly id: PersonaId;
  readonly name: string;
  readonly description: string;
  readonly share: number;
  /** When in the window they sign up: first 37%, first 84%, first 96%, last 12.5%. */
  readonly signup: 'early' | 'any' | 'open' | 'recent';
  /** Mean orders per month while alive (gamma across customers with shape `rateShape`). */
  readonly ordersPerMonth: number;
  readonly rateShape: number;
  /** Gamma shape of the gaps between orders: 1 = Poisson, higher = more regular. */
  readonly regularity: number;
  /** Mean probability of dropping out after each repeat order (beta across customers). */
  readonly dropout: number;
  readonly maxOrders: number;
  /** 'lapse': stops between 37% and 58% of the window; 'slowdown': rate fades over the last 14-25%. */
  readonly stop: 'none' | 'lapse' | 'slowdown';
  readonly seasonality: 'normal' | 'sales';
  /** A strong weekday/hour habit: share of orders moved into it, its weekdays (0 = Sunday), hours, channels. */
  readonly habit: {
    readonly prob: number;
    readonly days: readonly number[];
    readonly hours: 'night' | 'leisure';
    readonly channels: ChannelWeights;
  } | null;
  readonly hours: 'online' | 'morning' | 'leisure';
  readonly channels: ChannelWeights;
  readonly categories: CategoryWeights;
  /** Weights of 1, 2, 3 and 4 lines per order. */
  readonly lines: readonly [number, number, number, number];
  /** Chance a line is discounted during a sale and outside one. */
  readonly discount: { readonly sale: number; readonly other: number };
  readonly returnFactor: number;
  readonly cancelFactor: number;
  /** Campaign behaviour: open rate, click given open, purchase given click. */
  readonly response: { readonly open: number; readonly click: ByCreative; readonly buy: ByCreative };
  readonly optIn: { readonly email: number; readonly sms: number };
  /** Share with the app installed (push audience, app sessions). */
  readonly app: number;
  /** Browsing-only sessions per (orders + 1). */
  readonly browse: number;
  /** Expected messages over the window, and tone weights positive / neutral / negative. */
  readonly messages: number;
  readonly tone: readonly [number, number, number];
  readonly demographics: {
    readonly age: number;
    readonly ageSd: number;
    readonly female: number;
    readonly income: number;
  };
  /** Leaning answers: lifestyle, values, interests (several), personality, attitudes, beliefs. */
  readonly leaning: {
    readonly lifestyle: string;
    readonly values: string;
    readonly interests: readonly string[];
    readonly personality: string;
    readonly attitudes: string;
    readonly beliefs: string;
  };
}

const standard = { open: 0.3, click: { visual: 0.14, text: 0.13 }, buy: { visual: 0.3, text: 0.3 } };

export const PERSONAS: readonly PersonaSpec[] = [
  {
    id: 'champions',
    name: 'Champions',
    description: 'Frequent, high-spending customers since year one; rarely drop out.',
    share: 0.05,
    signup: 'early',
    ordersPerMonth: 1.5,
    rateShape: 4,
    regularity: 1.5,
    dropout: 0.004,
    maxOrders: Number.POSITIVE_INFINITY,
    stop: 'none',
    seasonality: 'normal',
    habit: null,
    hours: 'online',
    channels: [0.5, 0.35, 0.12, 0.03],
    categories: [1.4, 1.0, 1.2, 1.3, 1.0, 1.2, 0.8, 0.7],
    lines: [0.3, 0.34, 0.22, 0.14],
    discount: { sale: 0.35, other: 0.05 },
    returnFactor: 1,
    cancelFactor: 0.8,
    response: { open: 0.46, click: { visual: 0.24, text: 0.22 }, buy: { visual: 0.45, text: 0.45 } },
    optIn: { email: 0.9, sms: 0.5 },
    app: 0.6,
    browse: 0.8,
    messages: 0.8,
    tone: [0.65, 0.25, 0.1],
    demographics: { age: 42, ageSd: 10, female: 0.55, income: 1.7 },
    leaning: {
      lifestyle: 'cosmopolita',
      values: 'calidad',
      interests: ['moda', 'viajes', 'gastronomía'],
      personality: 'extrovertido',
      attitudes: 'exigente',
      beliefs: 'la calidad se paga',
    },
  },
  {
    id: 'loyal_regulars',
    name: 'Loyal regulars',
    description: 'Steady roughly monthly buyers with regular gaps, mostly mornings; home and gourmet.',
    share: 0.14,
    signup: 'early',
    ordersPerMonth: 0.72,
    rateShape: 6,
    regularity: 4,
    dropout: 0.008,
    maxOrders: Number.POSITIVE_INFINITY,
    stop: 'none',
    seasonality: 'normal',
    habit: null,
    hours: 'morning',
    channels: [0.55, 0.15, 0.22, 0.08],
    categories: [0.8, 1.4, 1.0, 0.6, 0.8, 1.6, 1.2, 0.6],
    lines: [0.5, 0.3, 0.14, 0.06],
    discount: { sale: 0.2, other: 0.04 },
    returnFactor: 0.8,
    cancelFactor: 0.8,
    response: { open: 0.36, click: { visual: 0.14, text: 0.14 }, buy: { visual: 0.35, text: 0.35 } },
    optIn: { email: 0.8, sms: 0.4 },
    app: 0.25,
    browse: 0.5,
    messages: 0.5,
    tone: [0.45, 0.42, 0.13],
    demographics: { age: 52, ageSd: 11, female: 0.58, income: 1.15 },
    leaning: {
      lifestyle: 'hogareño',
      values: 'tradición',
      interests: ['gastronomía', 'jardinería', 'lectura'],
      personality: 'organizado',
      attitudes: 'fiel a la marca',
      beliefs: 'comprar local',
    },
  },
  {
    id: 'bargain_hunters',
    name: 'Bargain hunters',
    description: 'Buy in sale seasons (Black Friday, January and summer rebajas); most lines discounted.',
    share: 0.12,
    signup: 'any',
    ordersPerMonth: 0.4,
    rateShape: 2,
    regularity: 1,
    dropout: 0.03,
    maxOrders: Number.POSITIVE_INFINITY,
    stop: 'none',
    seasonality: 'sales',
    habit: null,
    hours: 'online',
    channels: [0.62, 0.3, 0.06, 0.02],
    categories: [1.6, 1.0, 1.0, 1.2, 1.0, 0.6, 0.6, 1.0],
    lines: [0.42, 0.32, 0.17, 0.09],
    discount: { sale: 0.9, other: 0.45 },
    returnFactor: 1.4,
    cancelFactor: 1.3,
    response: { open: 0.34, click: { visual: 0.21, text: 0.2 }, buy: { visual: 0.35, text: 0.35 } },
    optIn: { email: 0.85, sms: 0.5 },
    app: 0.45,
    browse: 1.3,
    messages: 0.35,
    tone: [0.25, 0.45, 0.3],
    demographics: { age: 33, ageSd: 9, female: 0.6, income: 0.7 },
    leaning: {
      lifestyle: 'urbano activo',
      values: 'ahorro',
      interests: ['moda', 'tecnología', 'videojuegos'],
      personality: 'práctico',
      attitudes: 'cazador de ofertas',
      beliefs: 'ahorrar es prioritario',
    },
  },
  {
    id: 'new_customers',
    name: 'New customers',
    description: 'Joined in the last three months; a first order and maybe a second.',
    share: 0.08,
    signup: 'recent',
    ordersPerMonth: 0.7,
    rateShape: 2,
    regularity: 1,
    dropout: 0.03,
    maxOrders: Number.POSITIVE_INFINITY,
    stop: 'none',
    seasonality: 'normal',
    habit: null,
    hours: 'online',
    channels: [0.55, 0.32, 0.1, 0.03],
    categories: [1.1, 1.0, 1.1, 1.0, 1.0, 1.0, 1.0, 1.0],
    lines: [0.55, 0.28, 0.12, 0.05],
    discount: { sale: 0.5, other: 0.15 },
    returnFactor: 1,
    cancelFactor: 1,
    response: { open: 0.32, click: { visual: 0.14, text: 0.13 }, buy: { visual: 0.3, text: 0.3 } },
    optIn: { email: 0.75, sms: 0.35 },
    app: 0.4,
    browse: 1.2,
    messages: 0.25,
    tone: [0.42, 0.45, 0.13],
    demographics: { age: 35, ageSd: 12, female: 0.52, income: 1 },
    leaning: {
      lifestyle: 'saludable',
      values: 'innovación',
      interests: ['deporte', 'música', 'cine'],
      personality: 'extrovertido',
      attitudes: 'early adopter',
      beliefs: 'la tecnología mejora la vida',
    },
  },
  {
    id: 'one_and_done',
    name: 'One-and-done',
    description: 'A single purchase, never repeated.',
    share: 0.15,
    signup: 'open',
    ordersPerMonth: 0,
    rateShape: 1,
    regularity: 1,
    dropout: 1,
    maxOrders: 1,
    stop: 'none',
    seasonality: 'normal',
    habit: null,
    hours: 'online',
    channels: [0.6, 0.15, 0.2, 0.05],
    categories: [1.3, 1.0, 1.0, 1.2, 1.0, 0.8, 1.0, 1.2],
    lines: [0.7, 0.22, 0.06, 0.02],
    discount: { sale: 0.5, other: 0.2 },
    returnFactor: 1.2,
    cancelFactor: 1.2,
    response: { open: 0.12, click: { visual: 0.1, text: 0.1 }, buy: { visual: 0, text: 0 } },
    optIn: { email: 0.6, sms: 0.25 },
    app: 0.1,
    browse: 0.5,
    messages: 0.2,
    tone: [0.2, 0.4, 0.4],
    demographics: { age: 38, ageSd: 14, female: 0.5, income: 0.9 },
    leaning: {
      lifestyle: 'minimalista',
      values: 'comodidad',
      interests: ['cine', 'música', 'viajes'],
      personality: 'reservado',
      attitudes: 'escéptico',
      beliefs: 'el tiempo es oro',
    },
  },
  {
    id: 'lapsed',
    name: 'Lapsed',
    description: 'Active in the first year, then stopped buying for good; many complaints before leaving.',
    share: 0.11,
    signup: 'early',
    ordersPerMonth: 0.7,
    rateShape: 3,
    regularity: 1.2,
    dropout: 0.02,
    maxOrders: Number.POSITIVE_INFINITY,
    stop: 'lapse',
    seasonality: 'normal',
    habit: null,
    hours: 'online',
    channels: [0.55, 0.2, 0.2, 0.05],
    categories: [1.2, 1.0, 1.0, 1.0, 1.0, 0.8, 1.0, 1.0],
    lines: [0.5, 0.3, 0.14, 0.06],
    discount: { sale: 0.35, other: 0.08 },
    returnFactor: 1.3,
    cancelFactor: 1.3,
    response: { open: 0.3, click: { visual: 0.12, text: 0.12 }, buy: { visual: 0.3, text: 0.3 } },
    optIn: { email: 0.7, sms: 0.3 },
    app: 0.3,
    browse: 0.6,
    messages: 0.6,
    tone: [0.1, 0.3, 0.6],
    demographics: { age: 40, ageSd: 13, female: 0.5, income: 0.95 },
    leaning: {
      lifestyle: 'urbano activo',
      values: 'comodidad',
      interests: ['viajes', 'cine', 'música'],
      personality: 'práctico',
      attitudes: 'escéptico',
      beliefs: 'el tiempo es oro',
    },
  },
  {
    id: 'at_risk',
    name: 'At risk',
    description: 'Used to buy often; slowing down sharply over the last months; unhappy with deliveries.',
    share: 0.08,
    signup: 'early',
    ordersPerMonth: 0.85,
    rateShape: 4,
    regularity: 2,
    dropout: 0.004,
    maxOrders: Number.POSITIVE_INFINITY,
    stop: 'slowdown',
    seasonality: 'normal',
    habit: null,
    hours: 'online',
    channels: [0.5, 0.3, 0.15, 0.05],
    categories: [1.1, 1.2, 1.0, 1.2, 1.0, 1.0, 0.9, 0.8],
    lines: [0.45, 0.32, 0.15, 0.08],
    discount: { sale: 0.3, other: 0.06 },
    returnFactor: 1.5,
    cancelFactor: 1.5,
    response: { open: 0.2, click: { visual: 0.12, text: 0.12 }, buy: { visual: 0.3, text: 0.3 } },
    optIn: { email: 0.8, sms: 0.4 },
    app: 0.4,
    browse: 0.7,
    messages: 0.8,
    tone: [0.1, 0.25, 0.65],
    demographics: { age: 45, ageSd: 12, female: 0.5, income: 1.2 },
    leaning: {
      lifestyle: 'hogareño',
      values: 'calidad',
      interests: ['decoración', 'tecnología', 'gastronomía'],
      personality: 'analítico',
      attitudes: 'exigente',
      beliefs: 'la calidad se paga',
    },
  },
  {
    id: 'tuesday_night',
    name: 'Tuesday-night buyers',
    description: 'Most orders on Tuesday between 20:00 and 23:00, online; books and electronics.',
    share: 0.06,
    signup: 'any',
    ordersPerMonth: 0.7,
    rateShape: 4,
    regularity: 1.5,
    dropout: 0.01,
    maxOrders: Number.POSITIVE_INFINITY,
    stop: 'none',
    seasonality: 'normal',
    habit: { prob: 0.76, days: [2], hours: 'night', channels: [0.62, 0.38, 0, 0] },
    hours: 'online',
    channels: [0.6, 0.35, 0.04, 0.01],
    categories: [0.6, 0.8, 0.7, 1.8, 0.8, 0.7, 2.2, 0.6],
    lines: [0.5, 0.3, 0.14, 0.06],
    discount: { sale: 0.25, other: 0.05 },
    returnFactor: 0.8,
    cancelFactor: 1,
    response: standard,
    optIn: { email: 0.75, sms: 0.3 },
    app: 0.5,
    browse: 0.8,
    messages: 0.3,
    tone: [0.38, 0.45, 0.17],
    demographics: { age: 34, ageSd: 8, female: 0.45, income: 1.15 },
    leaning: {
      lifestyle: 'minimalista',
      values: 'innovación',
      interests: ['lectura', 'tecnología', 'videojuegos'],
      personality: 'analítico',
      attitudes: 'reflexivo',
      beliefs: 'la tecnología mejora la vida',
    },
  },
  {
    id: 'weekend_app',
    name: 'Weekend app shoppers',
    description: 'Shop on Saturdays and Sundays through the mobile app; toys, sport and home.',
    share: 0.09,
    signup: 'any',
    ordersPerMonth: 0.6,
    rateShape: 3,
    regularity: 1.3,
    dropout: 0.015,
    maxOrders: Number.POSITIVE_INFINITY,
    stop: 'none',
    seasonality: 'normal',
    habit: { prob: 0.82, days: [6, 0], hours: 'leisure', channels: [0.08, 0.92, 0, 0] },
    hours: 'leisure',
    channels: [0.15, 0.8, 0.04, 0.01],
    categories: [1.0, 1.2, 0.8, 0.9, 1.6, 1.0, 0.7, 1.9],
    lines: [0.4, 0.32, 0.18, 0.1],
    discount: { sale: 0.35, other: 0.08 },
    returnFactor: 1,
    cancelFactor: 1,
    response: { open: 0.24, click: { visual: 0.14, text: 0.13 }, buy: { visual: 0.3, text: 0.3 } },
    optIn: { email: 0.7, sms: 0.3 },
    app: 1,
    browse: 1,
    messages: 0.3,
    tone: [0.38, 0.45, 0.17],
    demographics: { age: 38, ageSd: 7, female: 0.52, income: 1.05 },
    leaning: {
      lifestyle: 'familiar',
      values: 'familia',
      interests: ['familia', 'deporte', 'cine'],
      personality: 'organizado',
      attitudes: 'reflexivo',
      beliefs: 'la familia primero',
    },
  },
  {
    id: 'visual_responders',
    name: 'Visual responders',
    description:
      'Buy little on their own but open everything; convert ~1.8x better on visual than text creatives.',
    share: 0.07,
    signup: 'any',
    ordersPerMonth: 0.3,
    rateShape: 3,
    regularity: 1,
    dropout: 0.02,
    maxOrders: Number.POSITIVE_INFINITY,
    stop: 'none',
    seasonality: 'normal',
    habit: null,
    hours: 'online',
    channels: [0.5, 0.4, 0.08, 0.02],
    categories: [1.8, 1.3, 1.8, 0.7, 0.8, 0.7, 0.7, 0.7],
    lines: [0.5, 0.3, 0.14, 0.06],
    discount: { sale: 0.35, other: 0.08 },
    returnFactor: 1.1,
    cancelFactor: 1,
    response: { open: 0.44, click: { visual: 0.4, text: 0.15 }, buy: { visual: 0.6, text: 0.45 } },
    optIn: { email: 0.92, sms: 0.45 },
    app: 0.55,
    browse: 1,
    messages: 0.35,
    tone: [0.4, 0.45, 0.15],
    demographics: { age: 30, ageSd: 8, female: 0.66, income: 1 },
    leaning: {
      lifestyle: 'bohemio',
      values: 'sostenibilidad',
      interests: ['fotografía', 'moda', 'cosmética'],
      personality: 'creativo',
      attitudes: 'impulsivo',
      beliefs: 'cuidar el planeta',
    },
  },
  {
    id: 'window_shoppers',
    name: 'Window shoppers',
    description: 'Registered, browse and open emails, never buy.',
    share: 0.05,
    signup: 'any',
    ordersPerMonth: 0,
    rateShape: 1,
    regularity: 1,
    dropout: 1,
    maxOrders: 0,
    stop: 'none',
    seasonality: 'normal',
    habit: null,
    hours: 'online',
    channels: [0.6, 0.4, 0, 0],
    categories: [1, 1, 1, 1, 1, 1, 1, 1],
    lines: [1, 0, 0, 0],
    discount: { sale: 0, other: 0 },
    returnFactor: 1,
    cancelFactor: 1,
    response: { open: 0.22, click: { visual: 0.1, text: 0.1 }, buy: { visual: 0, text: 0 } },
    optIn: { email: 0.6, sms: 0.2 },
    app: 0.3,
    browse: 5,
    messages: 0.1,
    tone: [0.3, 0.5, 0.2],
    demographics: { age: 27, ageSd: 8, female: 0.55, income: 0.8 },
    leaning: {
      lifestyle: 'estudiante',
      values: 'ahorro',
      interests: ['videojuegos', 'música', 'moda'],
      personality: 'reservado',
      attitudes: 'reflexivo',
      beliefs: 'ahorrar es prioritario',
    },
  },
];

export const PERSONA_INDEX: Readonly<Record<PersonaId, number>> = Object.fromEntries(
  PERSONAS.map((p, i) => [p.id, i]),
) as Record<PersonaId, number>;

/** The persona at index `i` (indices come from `PERSONA_INDEX`, so it always exists). */
export const personaAt = (i: number): PersonaSpec => PERSONAS[i] as PersonaSpec;
