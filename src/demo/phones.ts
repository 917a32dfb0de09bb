import type { Rng } from '../core/rng.js';
import type { Country } from './geography.js';

/**
 * Mobile numbers as customers type them: the same number appears as `+34 612 345 678`, `612345678` or
 * `0034612345678`, Argentine mobiles with the `9` or the old `15`, Mexican ones with the area in brackets.
 * Every style parses (libphonenumber) to the same E.164 number given the customer's country, so identity
 * resolution can match them.
 */
export interface PhoneParts {
  readonly country: Country;
  /** Area code where the format needs it (Mexico, Argentina), else ''. */
  readonly area: string;
  /** The rest of the national number. */
  readonly local: string;
}

const CALLING_CODE: Readonly<Record<Country, string>> = {
  ES: '34',
  MX: '52',
  AR: '54',
  CO: '57',
  CL: '56',
  PE: '51',
};

const CO_PREFIXES = [
  '300',
  '301',
  '304',
  '310',
  '311',
  '312',
  '313',
  '314',
  '315',
  '316',
  '318',
  '320',
  '321',
  '350',
];

function digits(rng: Rng, n: number, first = '0123456789'): string {
  let s = first[rng.int(first.length)] ?? '2';
  for (let i = 1; i < n; i++) s += String(rng.int(10));
  return s;
}

/** A random mobile number for a customer in `country` (area code given for Mexico and Argentina). */
export function drawPhone(rng: Rng, country: Country, area: string): PhoneParts {
  switch (country) {
    case 'ES':
      return {
        country,
        area: '',
        local: rng.next() < 0.9 ? digits(rng, 9, '6') : `7${digits(rng, 8, '1234')}`,
      };
    case 'MX':
      return { country, area, local: digits(rng, 10 - area.length, '123456789') };
    case 'AR':
      return { country, area, local: digits(rng, 10 - area.length, '23456789') };
    case 'CO':
      return { country, area: '', local: rng.pick(CO_PREFIXES) + digits(rng, 7, '123456789') };
    case 'CL':
      return { country, area: '', local: `9${digits(rng, 8, '3456789')}` };
    case 'PE':
      return { country, area: '', local: `9${digits(rng, 8, '123456789')}` };
  }
}

/** The number in E.164 (`+34612345678`), the key identity resolution should arrive at. */
export function e164(p: PhoneParts): string {
  const cc = CALLING_CODE[p.country];
  return p.country === 'AR' ? `+${cc}9${p.area}${p.local}` : `+${cc}${p.area}${p.local}`;
}

/** How many typing styles `formatPhone` knows for a country. */
export const PHONE_STYLES = 5;

const g = (s: string, ...sizes: number[]): string => {
  const out: string[] = [];
  let at = 0;
  for (const n of sizes) {
    out.push(s.slice(at, at + n));
    at += n;
  }
  return out.join(' ');
};

/** The number written in typing style `style` (0 .. PHONE_STYLES - 1), as found in real exports. */
export function formatPhone(p: PhoneParts, style: number): string {
  const { area, local } = p;
  const s = ((style % PHONE_STYLES) + PHONE_STYLES) % PHONE_STYLES;
  switch (p.country) {
    case 'ES':
      return [
        `+34 ${g(local, 3, 3, 3)}`,
        local,
        g(local, 3, 2, 2, 2),
        `0034${local}`,
        `${local.slice(0, 3)}-${local.slice(3, 6)}-${local.slice(6)}`,
      ][s] as string;
    case 'MX':
      return [
        `+52 ${area} ${g(local, 4, 4)}`,
        `${area} ${g(local, 4, 4)}`,
        `(${area}) ${local.slice(0, 4)}-${local.slice(4)}`,
        `${area}${local}`,
        `+52${area}${local}`,
      ][s] as string;
    case 'AR': {
      const cut = local.length - 4;
      const dashed = `${local.slice(0, cut)}-${local.slice(cut)}`;
      return [
        `+54 9 ${area} ${dashed}`,
        `0${area} 15-${dashed}`,
        `${area} 15 ${local.slice(0, cut)} ${local.slice(cut)}`,
        `9 ${area} ${local.slice(0, cut)} ${local.slice(cut)}`,
        `+549${area}${local}`,
      ][s] as string;
    }
    case 'CO':
      return [
        `+57 ${g(local, 3, 3, 4)}`,
        `${local.slice(0, 3)} ${local.slice(3)}`,
        local,
        `+57${local}`,
        `${g(local, 3, 3, 4)}`,
      ][s] as string;
    case 'CL':
      return [`+56 ${g(local, 1, 4, 4)}`, g(local, 1, 4, 4), local, `+56${local}`, `+56 9 ${local.slice(1)}`][
        s
      ] as string;
    case 'PE':
      return [`+51 ${g(local, 3, 3, 3)}`, local, g(local, 3, 3, 3), `+51${local}`, `0051 ${local}`][
        s
      ] as string;
  }
}
