import type { Rng } from '../core/rng.js';
import { type Country, EMAIL_DOMAINS } from './geography.js';
import {
  asciiSlug,
  ENGLISH_FEMALE,
  ENGLISH_MALE,
  ENGLISH_SURNAMES,
  LATAM_FEMALE,
  LATAM_MALE,
  LATAM_SURNAMES,
  SPAIN_FEMALE,
  SPAIN_MALE,
  SURNAMES,
} from './names.js';

/**
 * Names and email addresses of demo customers, and the small variations with which the same person shows up
 * twice in a CRM (accents dropped, one surname instead of two, the email typed with capitals and spaces).
 */
export interface PersonName {
  readonly first: string;
  readonly last: string;
}

export function drawName(rng: Rng, country: Country, english: boolean, female: boolean): PersonName {
  if (english) {
    return { first: rng.pick(female ? ENGLISH_FEMALE : ENGLISH_MALE), last: rng.pick(ENGLISH_SURNAMES) };
  }
  const latam = country !== 'ES';
  const first = latam
    ? rng.pick(female ? LATAM_FEMALE : LATAM_MALE)
    : rng.pick(female ? SPAIN_FEMALE : SPAIN_MALE);
  const surname = () => (latam && rng.next() < 0.3 ? rng.pick(LATAM_SURNAMES) : rng.pick(SURNAMES));
  const s1 = surname();
  const two = rng.next() < (latam ? 0.6 : 0.78);
  let s2 = two ? surname() : '';
  if (s2 === s1) s2 = '';
  return { first, last: s2 ? `${s1} ${s2}` : s1 };
}

/** A fresh address not yet in `taken` (which it updates). */
export function drawEmail(
  rng: Rng,
  name: PersonName,
  country: Country,
  birthYear: number,
  taken: Set<string>,
): string {
  const f = asciiSlug(name.first);
  const parts = name.last.split(' ');
  const l1 = asciiSlug(parts[0] ?? 'x');
  const l2 = asciiSlug(parts[1] ?? '');
  const domain = rng.pick(EMAIL_DOMAINS[country]);
  const yy = String(birthYear % 100).padStart(2, '0');
  let local: string;
  switch (rng.int(6)) {
    case 0:
      local = `${f}.${l1}`;
      break;
    case 1:
      local = `${f}${l1}${yy}`;
      break;
    case 2:
      local = `${f.slice(0, 1)}${l1}${l2}`;
      break;
    case 3:
      local = `${f}_${l1}`;
      break;
    case 4:
      local = `${l1}.${f}${rng.int(100)}`;
      break;
    default:
      local = `${f}.${l1}.${l2 || yy}`;
  }
  let email = `${local}@${domain}`;
  while (taken.has(email)) email = `${local}${rng.int(1000)}@${domain}`;
  taken.add(email);
  return email;
}

/** The same address as typed again: other capitals, stray spaces. Normalising (trim, lower-case) recovers it. */
export function emailVariant(rng: Rng, email: string): string {
  const [local = '', domain = ''] = email.split('@');
  const cap = (s: string) => s.replace(/(^|[._])([a-z])/g, (_, p: string, c: string) => p + c.toUpperCase());
  switch (rng.int(4)) {
    case 0:
      return `${cap(local)}@${domain}`;
    case 1:
      return ` ${email.toUpperCase()}`;
    case 2:
      return `${cap(local)}@${domain.toUpperCase()} `;
    default:
      return `  ${local}@${cap(domain)}`;
  }
}

/** The same name as written on a second account: accents dropped or only the first surname. */
export function nameVariant(rng: Rng, name: PersonName): PersonName {
  const strip = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  switch (rng.int(3)) {
    case 0:
      return { first: strip(name.first), last: name.last };
    case 1:
      return { first: name.first, last: name.last.split(' ')[0] ?? name.last };
    default:
      return { first: name.first.toUpperCase(), last: name.last.toUpperCase() };
  }
}
