import type { Rng } from '../core/rng.js';
import { type ColumnTable, columnTable } from '../warehouse/column-table.js';
import type { DemoCalendar } from './calendar.js';
import { PRODUCTS } from './catalog.js';
import { pickWeighted, poisson, uniform } from './distributions.js';
import { HOUR_PROFILES, timeOfDay } from './hours.js';
import {
  AGENT,
  CLOSERS,
  type Language,
  OPENERS,
  REVIEW_TITLES,
  TONES,
  TOPICS,
  type Tone,
  type Topic,
} from './message-templates.js';
import { DAY_MS } from './options.js';
import type { Orders } from './order-lines.js';
import { personaAt } from './personas.js';
import type { Population } from './population.js';

/**
 * Inbound customer messages: emails, chats, call-centre transcripts and reviews, mostly Spanish, some English.
 * Tone follows the persona (lapsed and at-risk customers complain about late deliveries and refunds, usually
 * around their last orders; champions praise), and each message refers to a real order and product of the
 * customer. The true tone and topic of every message is returned for testing sentiment models.
 */
export const MESSAGE_CHANNELS = ['email', 'chat', 'call_transcript', 'review'] as const;
const CHANNEL_WEIGHTS = [0.35, 0.3, 0.15, 0.2];

export interface Messages {
  readonly table: ColumnTable;
  /** True tone and topic per message, in table order. */
  readonly tone: readonly Tone[];
  readonly topic: readonly string[];
}

/** Topics by tone: [for reviews, for contact messages]. */
const topicsFor = (tone: Tone, review: boolean): readonly Topic[] =>
  TOPICS.filter((t) => t.tone === tone && (t.fits === 'both' || t.fits === (review ? 'review' : 'contact')));
const TOPICS_BY: Readonly<Record<Tone, readonly [readonly Topic[], readonly Topic[]]>> = {
  positive: [topicsFor('positive', true), topicsFor('positive', false)],
  neutral: [topicsFor('neutral', true), topicsFor('neutral', false)],
  negative: [topicsFor('negative', true), topicsFor('negative', false)],
};

function genderize(text: string, female: boolean): string {
  return female
    ? text.replace('molesto', 'molesta').replace('contento', 'contenta')
    : text.replace('encantada', 'encantado');
}

export function buildMessages(rng: Rng, cal: DemoCalendar, pop: Population, orders: Orders): Messages {
  // Orders per customer, in time order.
  const byRow: number[][] = [];
  for (let o = 0; o < orders.count; o++) {
    const r = orders.row[o] ?? -1;
    if (r < 0) continue;
    const list = byRow[r] ?? [];
    list.push(o);
    byRow[r] = list;
  }
  const female = pop.table.columns.gender ?? [];
  const drafts: {
    at: number;
    row: number;
    channel: string;
    text: string;
    language: Language;
    tone: Tone;
    topic: string;
  }[] = [];
  for (let r = 0; r < pop.n; r++) {
    const spec = personaAt(pop.persona[r] ?? 0);
    const count = poisson(rng, spec.messages);
    if (count === 0) continue;
    const own = byRow[r] ?? [];
    const declining = spec.id === 'lapsed' || spec.id === 'at_risk';
    for (let m = 0; m < count; m++) {
      const tone = TONES[pickWeighted(rng, spec.tone)] ?? 'neutral';
      const recent = declining && tone === 'negative' && own.length > 0;
      const o =
        own.length === 0
          ? -1
          : (own[recent ? Math.max(0, own.length - 1 - rng.int(3)) : rng.int(own.length)] ?? -1);
      const signup = Math.max(cal.startMs, pop.signupMs[r] ?? cal.startMs);
      let at =
        o >= 0
          ? (orders.time[o] ?? signup) + Math.round(uniform(rng, 1, tone === 'negative' ? 20 : 10) * DAY_MS)
          : signup + rng.next() * (cal.endMs - signup);
      at = Math.floor(at / DAY_MS) * DAY_MS + timeOfDay(rng, HOUR_PROFILES.phone);
      if (at >= cal.endMs || at < signup) continue;
      const language: Language =
        pop.english[r] === 1 ? (rng.next() < 0.92 ? 'en' : 'es') : rng.next() < 0.03 ? 'en' : 'es';
      let channel = MESSAGE_CHANNELS[pickWeighted(rng, CHANNEL_WEIGHTS)] ?? 'email';
      if (channel === 'review' && o < 0) channel = 'chat';
      const topic = rng.pick(TOPICS_BY[tone][channel === 'review' ? 0 : 1]);
      const product =
        PRODUCTS[o >= 0 ? (orders.lineProduct[orders.lineStart[o] ?? 0] ?? 0) : rng.int(PRODUCTS.length)];
      // Without an order in the data, only sentences that do not cite one.
      const templates = topic[language].filter((t) => o >= 0 || !t.includes('{pedido}'));
      if (templates.length === 0) continue;
      let core = rng
        .pick(templates)
        .replace('{pedido}', orders.ids[o] ?? '')
        .replace('{producto}', product?.name ?? 'el producto')
        .replace('{dias}', String(3 + rng.int(12)));
      if (language === 'es') core = genderize(core, female[r] === 'F');
      const latam = pop.city[r]?.country !== 'ES';
      const text = render(rng, channel, language, tone, core, latam, pop.firstName[r] ?? '');
      drafts.push({ at, row: r, channel, text, language, tone, topic: topic.id });
    }
  }
  drafts.sort((a, b) => a.at - b.at || a.row - b.row);
  const width = Math.max(7, String(drafts.length).length);
  return {
    table: columnTable({
      message_id: drafts.map((_, i) => `M${String(i + 1).padStart(width, '0')}`),
      customer_id: drafts.map((d) => pop.ids[d.row] ?? null),
      sent_at: drafts.map((d) => d.at),
      channel: drafts.map((d) => d.channel),
      direction: drafts.map(() => 'inbound'),
      text: drafts.map((d) => d.text),
      language: drafts.map((d) => d.language),
    }),
    tone: drafts.map((d) => d.tone),
    topic: drafts.map((d) => d.topic),
  };
}

function render(
  rng: Rng,
  channel: string,
  language: Language,
  tone: Tone,
  core: string,
  latam: boolean,
  firstName: string,
): string {
  const closer = rng.pick(CLOSERS[language][tone]);
  switch (channel) {
    case 'email': {
      const opener = rng.pick(language === 'en' ? OPENERS.en : latam ? OPENERS.latam : OPENERS.spain);
      return `${opener}\n\n${core} ${closer}\n\n${firstName}`;
    }
    case 'chat':
      return rng.next() < 0.5
        ? `${core.charAt(0).toLowerCase()}${core.slice(1)}`
        : `${rng.pick(language === 'en' ? OPENERS.en : latam ? OPENERS.latam : OPENERS.spain)} ${core}`;
    case 'call_transcript': {
      const agent = AGENT[language];
      const [a, c] = language === 'en' ? ['Agent', 'Customer'] : ['Agente', 'Cliente'];
      return `${a}: ${rng.pick(agent.greeting)}\n${c}: ${core}\n${a}: ${rng.pick(agent[tone])}\n${c}: ${closer}`;
    }
    default: {
      const stars = tone === 'positive' ? 4 + rng.int(2) : tone === 'neutral' ? 3 : 1 + rng.int(2);
      return `${stars}/5 ${rng.pick(REVIEW_TITLES[language][tone])} ${core}`;
    }
  }
}
