import { describe, expect, it } from 'vitest';
import { normaliseEmail } from './normalise-email.js';
import { normalisePhone } from './normalise-phone.js';

describe('identity normalisation', () => {
  it('lower-cases and trims emails, rejects non-addresses', () => {
    expect(normaliseEmail('  Ana.Garcia@Example.COM ')).toBe('ana.garcia@example.com');
    expect(normaliseEmail('ana at example')).toBeUndefined();
  });

  it('writes phones in E.164 with a default country', () => {
    expect(normalisePhone('612 34 56 78', 'ES')).toBe('+34612345678');
    expect(normalisePhone('+34 612-345-678', 'ES')).toBe('+34612345678');
    expect(normalisePhone('0034612345678', 'ES')).toBe('+34612345678');
    expect(normalisePhone('55 1234 5678', 'MX')).toBe('+525512345678');
    expect(normalisePhone('12', 'ES')).toBeUndefined();
  });
});
