import { describe, expect, it } from 'vitest';
import { describeDateFormat, parseDateFormatOption } from './date-format.js';
import { compileDatePattern } from './date-pattern.js';

const error = (pattern: string) => {
  const r = compileDatePattern(pattern);
  return r.ok ? 'compiled' : r.error;
};

describe('compileDatePattern', () => {
  it('compiles supported directives and escapes literals', () => {
    const r = compileDatePattern('%d.%m.%Y (%H:%M)');
    expect(r.ok && r.value.regex.test('05.03.2021 (10:00)')).toBe(true);
    expect(r.ok && r.value.regex.test('05x03x2021 (10:00)')).toBe(false);
  });

  it('explains patterns it cannot use', () => {
    expect(error('%d/%m/%y')).toBe(
      'date pattern "%d/%m/%y" uses %y: two-digit years are not accepted; use %Y with four-digit years',
    );
    expect(error('%d/%m/%Y %Q')).toBe(
      'unsupported directive %Q in date pattern "%d/%m/%Y %Q" (supported: %Y %m %d %H %M %S %f %z %b %I %p %%)',
    );
    expect(error('%H:%M')).toBe('date pattern "%H:%M" must contain %Y, %m (or %b) and %d');
    expect(error('%Y-%m-%d %I:%M')).toBe('date pattern "%Y-%m-%d %I:%M" must use %I together with %p');
  });
});

describe('parseDateFormatOption', () => {
  it('accepts named formats and patterns', () => {
    expect(parseDateFormatOption('dmy')).toEqual({ ok: true, value: 'dmy' });
    const p = parseDateFormatOption('%d/%m/%Y %H:%M');
    expect(p.ok && describeDateFormat(p.value)).toBe('pattern %d/%m/%Y %H:%M');
    expect(parseDateFormatOption('dd/mm/yyyy')).toEqual({
      ok: false,
      error:
        'unknown date format "dd/mm/yyyy" (expected iso, dmy, mdy, ymd-compact or a pattern like %d/%m/%Y %H:%M)',
    });
  });
});
