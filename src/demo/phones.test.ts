import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { describe, expect, it } from 'vitest';
import { createRng } from '../core/rng.js';
import { CITIES } from './geography.js';
import { drawPhone, e164, formatPhone, PHONE_STYLES } from './phones.js';

describe('demo phone numbers', () => {
  it('every typing style parses to the same valid E.164 number in the customer country', () => {
    const rng = createRng(5);
    for (const city of CITIES) {
      for (let i = 0; i < 40; i++) {
        const p = drawPhone(rng, city.country, city.area);
        for (let style = 0; style < PHONE_STYLES; style++) {
          const text = formatPhone(p, style);
          const parsed = parsePhoneNumberFromString(text, city.country);
          expect({ text, number: parsed?.number, valid: parsed?.isValid() }).toEqual({
            text,
            number: e164(p),
            valid: true,
          });
        }
      }
    }
  });

  it('writes the styles found in Spanish and Latin-American exports', () => {
    const es = { country: 'ES', area: '', local: '612345678' } as const;
    const ar = { country: 'AR', area: '11', local: '23456789' } as const;
    expect([0, 1, 2, 3, 4].map((s) => formatPhone(es, s))).toEqual([
      '+34 612 345 678',
      '612345678',
      '612 34 56 78',
      '0034612345678',
      '612-345-678',
    ]);
    expect(formatPhone(ar, 1)).toBe('011 15-2345-6789');
    expect(e164(ar)).toBe('+5491123456789');
  });
});
