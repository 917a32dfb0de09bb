import type { Rng } from '../core/rng.js';
import { type ColumnTable, columnTable } from '../warehouse/column-table.js';
import { CATEGORY_COUNT } from './catalog.js';
import { apportion, clampedNormal, cumulative, gamma, pickIndex, shuffle, uniform } from './distributions.js';
import { CITIES, type City, MEDIAN_INCOME } from './geography.js';
import { HOUR_PROFILES, timeOfDay } from './hours.js';
import { drawEmail, drawName, emailVariant, nameVariant, type PersonName } from './identities.js';
import { DAY_MS, type ResolvedDemoOptions } from './options.js';
import { PERSONAS, type PersonaSpec, personaAt } from './personas.js';
import { drawPhone, formatPhone, PHONE_STYLES, type PhoneParts } from './phones.js';
import { education, occupation, traitsJson } from './profile.js';
import { drawPsychographics } from './psychographics.js';

/**
 * The demo shop's customers: one row per CRM record, ids in signup order. About 1% of records are a second
 * account of someone already registered (same email typed differently, or the same phone in another format);
 * `personRow` links such a row to the original, and the two share one persona and one purchase history.
 */
export interface Population {
  readonly n: number;
  readonly ids: readonly string[];
  readonly persona: Uint8Array;
  /** Row of the person this record belongs to: itself, or the original record for a duplicate. */
  readonly personRow: Int32Array;
  /** 'email' or 'phone' for a duplicate record (what it shares with the original), else null. */
  readonly duplicateMatch: readonly ('email' | 'phone' | null)[];
  readonly signupMs: Float64Array;
  readonly city: readonly City[];
  readonly english: Uint8Array;
  readonly hasApp: Uint8Array;
  readonly optEmail: Uint8Array;
  readonly optSms: Uint8Array;
  readonly firstName: readonly string[];
  /** Running category weights, `n x CATEGORY_COUNT`. */
  readonly categoryCum: Float64Array;
  /** Running channel weights (web, app, store, phone), `n x 4`. */
  readonly channelCum: Float64Array;
  readonly table: ColumnTable;
}

export const DUPLICATE_SHARE = 0.01;
/**
 * Signup span per persona as fractions of the window. Negative means before the window: the shop already had
 * customers when the export starts (their earlier orders are not in it, as in any real export).
 */
const SIGNUP_WINDOW: Readonly<Record<PersonaSpec['signup'], readonly [number, number]>> = {
  early: [-0.5, 0.37],
  any: [-0.3, 0.84],
  open: [0, 0.96],
  recent: [0.875, 1],
};
const cityCum = cumulative(CITIES.map((c) => c.weight));
const YEAR_MS = 365.2425 * DAY_MS;

export function buildPopulation(rng: Rng, o: ResolvedDemoOptions): Population {
  const n = o.customers;
  const dups = Math.round(n * DUPLICATE_SHARE);
  const persons = n - dups;

  // Draft: persona and signup of each person, then the duplicate records, then everybody sorted by signup.
  const draftPersona = new Uint8Array(n);
  const draftSignup = new Float64Array(n);
  const draftOriginal = new Int32Array(n).fill(-1);
  let at = 0;
  const counts = apportion(
    persons,
    PERSONAS.map((p) => p.share),
  );
  counts.forEach((c, p) => {
    for (let i = 0; i < c; i++) draftPersona[at++] = p;
  });
  shuffle(rng, Array.from(draftPersona.subarray(0, persons))).forEach((p, i) => {
    draftPersona[i] = p;
  });
  for (let i = 0; i < persons; i++) {
    const [lo, hi] = SIGNUP_WINDOW[personaAt(draftPersona[i] ?? 0).signup];
    const day = Math.min(o.days - 1, Math.floor(uniform(rng, lo, hi) * o.days));
    draftSignup[i] = o.startMs + day * DAY_MS + timeOfDay(rng, HOUR_PROFILES.online);
  }
  const originals = new Set<number>();
  for (let j = persons; j < n; j++) {
    let orig = rng.int(persons);
    for (
      let guard = 0;
      guard < 100 && (originals.has(orig) || (draftSignup[orig] ?? 0) > o.endMs - 45 * DAY_MS);
      guard++
    ) {
      orig = rng.int(persons);
    }
    originals.add(orig);
    // The second account is opened inside the window, some time after the first.
    const from = Math.max(draftSignup[orig] ?? 0, o.startMs);
    const room = Math.max(1, (o.endMs - from) / DAY_MS - 7);
    draftOriginal[j] = orig;
    draftPersona[j] = draftPersona[orig] ?? 0;
    draftSignup[j] = Math.min(o.endMs - 1000, from + uniform(rng, 0.1, 1) * room * DAY_MS);
  }
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => (draftSignup[a] ?? 0) - (draftSignup[b] ?? 0) || a - b,
  );
  const rowOf = new Int32Array(n);
  order.forEach((draft, row) => {
    rowOf[draft] = row;
  });

  const width = Math.max(6, String(n).length);
  const ids = order.map((_, row) => `CU${String(row + 1).padStart(width, '0')}`);
  const persona = new Uint8Array(n);
  const personRow = new Int32Array(n);
  const duplicateMatch: ('email' | 'phone' | null)[] = new Array(n).fill(null);
  const signupMs = new Float64Array(n);
  const city: City[] = new Array(n);
  const english = new Uint8Array(n);
  const hasApp = new Uint8Array(n);
  const optEmail = new Uint8Array(n);
  const optSms = new Uint8Array(n);
  const firstName: string[] = new Array(n);
  const categoryCum = new Float64Array(n * CATEGORY_COUNT);
  const channelCum = new Float64Array(n * 4);
  const needsContact = new Uint8Array(n);
  for (let j = persons; j < n; j++) needsContact[rowOf[draftOriginal[j] ?? 0] ?? 0] = 1;

  const col = {
    customer_id: ids,
    first_name: new Array<string | null>(n),
    last_name: new Array<string | null>(n),
    email: new Array<string | null>(n),
    phone: new Array<string | null>(n),
    birth_date: new Array<number | null>(n),
    age: new Array<number | null>(n),
    gender: new Array<string | null>(n),
    income: new Array<number | null>(n),
    education: new Array<string | null>(n),
    occupation: new Array<string | null>(n),
    city: new Array<string | null>(n),
    region: new Array<string | null>(n),
    country: new Array<string | null>(n),
    signup_date: new Array<number | null>(n),
    opt_in_email: new Array<boolean | null>(n),
    opt_in_sms: new Array<boolean | null>(n),
    lifestyle: new Array<string | null>(n),
    values: new Array<string | null>(n),
    interests: new Array<string | null>(n),
    personality: new Array<string | null>(n),
    attitudes: new Array<string | null>(n),
    beliefs: new Array<string | null>(n),
    traits: new Array<string | null>(n),
  };
  const names: PersonName[] = new Array(n);
  const phones: (PhoneParts | null)[] = new Array(n).fill(null);
  const takenEmails = new Set<string>();
  const takenPhones = new Set<string>();
  const endYear = new Date(o.endMs - DAY_MS).getUTCFullYear();

  for (let row = 0; row < n; row++) {
    const draft = order[row] ?? 0;
    const p = draftPersona[draft] ?? 0;
    const spec = personaAt(p);
    persona[row] = p;
    signupMs[row] = draftSignup[draft] ?? o.startMs;
    col.signup_date[row] = Math.floor((signupMs[row] ?? 0) / DAY_MS) * DAY_MS;
    const origDraft = draftOriginal[draft] ?? -1;
    if (origDraft >= 0) {
      const orig = rowOf[origDraft] ?? 0;
      copyDuplicate(rng, row, orig);
      continue;
    }
    personRow[row] = row;
    const c = CITIES[pickIndex(rng, cityCum)] as City;
    city[row] = c;
    const isEnglish = c.country === 'ES' && rng.next() < (c.city === 'Málaga' ? 0.22 : 0.08);
    english[row] = isEnglish ? 1 : 0;
    const g = rng.next();
    const female = g < spec.demographics.female;
    col.gender[row] = g > 0.985 ? null : g > 0.975 ? 'X' : female ? 'F' : 'M';
    const name = drawName(rng, c.country, isEnglish, female);
    names[row] = name;
    firstName[row] = name.first;
    col.first_name[row] = name.first;
    col.last_name[row] = name.last;
    const age = clampedNormal(rng, spec.demographics.age, spec.demographics.ageSd, 18.05, 79.9);
    const birth = Math.floor((o.endMs - DAY_MS - age * YEAR_MS) / DAY_MS) * DAY_MS;
    const hasBirth = rng.next() >= 0.05;
    col.birth_date[row] = hasBirth ? birth : null;
    // Age at the end of the window; some forms asked for the age only.
    col.age[row] = hasBirth || rng.next() < 0.5 ? ageOn(birth, o.endMs - DAY_MS) : null;
    const contact = needsContact[row] === 1;
    col.email[row] =
      contact || rng.next() < 0.96
        ? drawEmail(rng, name, c.country, new Date(birth).getUTCFullYear(), takenEmails)
        : null;
    if (contact || rng.next() < 0.88) {
      let ph = drawPhone(rng, c.country, c.area);
      while (takenPhones.has(ph.country + ph.area + ph.local)) ph = drawPhone(rng, c.country, c.area);
      takenPhones.add(ph.country + ph.area + ph.local);
      phones[row] = ph;
      col.phone[row] = formatPhone(ph, rng.int(PHONE_STYLES));
    } else col.phone[row] = null;
    const ageFactor = age < 25 ? 0.6 : age >= 65 ? 0.75 : 1;
    const incomeRatio = spec.demographics.income * ageFactor * Math.exp(0.45 * rng.normal());
    col.income[row] =
      rng.next() < 0.12 ? null : Math.round((MEDIAN_INCOME[c.country] * incomeRatio) / 100) * 100;
    const edu = education(rng, incomeRatio, age);
    col.education[row] = rng.next() < 0.04 ? null : edu;
    col.occupation[row] = rng.next() < 0.05 ? null : occupation(rng, edu, age, female);
    col.city[row] = c.city;
    col.region[row] = c.region;
    col.country[row] = c.country;
    hasApp[row] = rng.next() < spec.app ? 1 : 0;
    optEmail[row] = col.email[row] !== null && rng.next() < spec.optIn.email ? 1 : 0;
    optSms[row] = col.phone[row] !== null && rng.next() < spec.optIn.sms ? 1 : 0;
    col.opt_in_email[row] = optEmail[row] === 1;
    col.opt_in_sms[row] = optSms[row] === 1;
    const psy = drawPsychographics(rng, spec);
    col.lifestyle[row] = psy?.lifestyle ?? null;
    col.values[row] = psy?.values ?? null;
    col.interests[row] = psy?.interests ?? null;
    col.personality[row] = psy?.personality ?? null;
    col.attitudes[row] = psy?.attitudes ?? null;
    col.beliefs[row] = psy?.beliefs ?? null;
    col.traits[row] = traitsJson(rng, spec, isEnglish);
    let s = 0;
    for (let k = 0; k < CATEGORY_COUNT; k++) {
      s += (spec.categories[k] ?? 1) * gamma(rng, 4, 0.25);
      categoryCum[row * CATEGORY_COUNT + k] = s;
    }
    const latam = c.country !== 'ES';
    s = 0;
    for (let ch = 0; ch < 4; ch++) {
      let w = (spec.channels[ch] ?? 0) * gamma(rng, 5, 0.2);
      if (ch === 1 && hasApp[row] === 0) w = 0;
      if (ch === 2 && latam) w = 0;
      s += w;
      channelCum[row * 4 + ch] = s;
    }
    if (s === 0)
      channelCum[row * 4] = channelCum[row * 4 + 1] = channelCum[row * 4 + 2] = channelCum[row * 4 + 3] = 1;
  }

  function copyDuplicate(r: Rng, row: number, orig: number): void {
    personRow[row] = orig;
    const c = city[orig] as City;
    city[row] = c;
    english[row] = english[orig] ?? 0;
    hasApp[row] = hasApp[orig] ?? 0;
    const name = nameVariant(r, names[orig] as PersonName);
    names[row] = name;
    firstName[row] = name.first;
    col.first_name[row] = name.first;
    col.last_name[row] = name.last;
    const origEmail = col.email[orig] ?? null;
    const ph = phones[orig] ?? null;
    const onEmail = r.next() < 0.5;
    duplicateMatch[row] = onEmail ? 'email' : 'phone';
    const restyle = (x: PhoneParts) => {
      const was = col.phone[orig];
      let text = formatPhone(x, r.int(PHONE_STYLES));
      for (let k = 0; k < PHONE_STYLES && text === was; k++) text = formatPhone(x, k);
      return text;
    };
    if (onEmail) {
      col.email[row] = origEmail === null ? null : emailVariant(r, origEmail);
      col.phone[row] = ph && r.next() < 0.4 ? restyle(ph) : null;
    } else {
      col.phone[row] = ph ? restyle(ph) : null;
      const birthYear = endYear - 30;
      col.email[row] = r.next() < 0.6 ? drawEmail(r, name, c.country, birthYear, takenEmails) : null;
    }
    col.birth_date[row] = r.next() < 0.5 ? (col.birth_date[orig] ?? null) : null;
    col.age[row] = col.birth_date[row] === null ? null : (col.age[orig] ?? null);
    col.gender[row] = col.gender[orig] ?? null;
    col.income[row] = null;
    col.education[row] = null;
    col.occupation[row] = r.next() < 0.5 ? (col.occupation[orig] ?? null) : null;
    col.city[row] = c.city;
    col.region[row] = c.region;
    col.country[row] = c.country;
    optEmail[row] = col.email[row] !== null && r.next() < 0.5 ? 1 : 0;
    optSms[row] = col.phone[row] !== null && r.next() < 0.3 ? 1 : 0;
    col.opt_in_email[row] = optEmail[row] === 1;
    col.opt_in_sms[row] = optSms[row] === 1;
    col.lifestyle[row] = null;
    col.values[row] = null;
    col.interests[row] = null;
    col.personality[row] = null;
    col.attitudes[row] = null;
    col.beliefs[row] = null;
    col.traits[row] = '{}';
    categoryCum.copyWithin(row * CATEGORY_COUNT, orig * CATEGORY_COUNT, (orig + 1) * CATEGORY_COUNT);
    channelCum.copyWithin(row * 4, orig * 4, orig * 4 + 4);
  }

  return {
    n,
    ids,
    persona,
    personRow,
    duplicateMatch,
    signupMs,
    city,
    english,
    hasApp,
    optEmail,
    optSms,
    firstName,
    categoryCum,
    channelCum,
    table: columnTable(col),
  };
}

/** Whole years between a birth date and a day (both epoch ms, UTC). */
export function ageOn(birthMs: number, dayMs: number): number {
  const b = new Date(birthMs);
  const d = new Date(dayMs);
  const before =
    d.getUTCMonth() < b.getUTCMonth() ||
    (d.getUTCMonth() === b.getUTCMonth() && d.getUTCDate() < b.getUTCDate());
  return d.getUTCFullYear() - b.getUTCFullYear() - (before ? 1 : 0);
}
