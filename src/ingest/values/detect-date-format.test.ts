import { describe, expect, it } from 'vitest';
import { detectDateFormat } from './detect-date-format.js';

describe('detectDateFormat', () => {
  it('detects ISO dates and whether they carry a time', () => {
    expect(detectDateFormat(['2010-12-01 08:26:00', '2010-12-01 08:28:00'])).toEqual({
      ok: true,
      value: { format: 'iso', hasTime: true, assumed: false },
    });
    expect(detectDateFormat(['2010-12-01', '', '2011-01-31'])).toEqual({
      ok: true,
      value: { format: 'iso', hasTime: false, assumed: false },
    });
  });

  it('detects compact yyyymmdd only for plausible dates', () => {
    expect(detectDateFormat(['19970101', '19970112'])).toMatchObject({
      ok: true,
      value: { format: 'ymd-compact' },
    });
    expect(detectDateFormat(['12345678', '87654321'])).toMatchObject({ ok: false });
  });

  it('tells day-first from month-first by the values above 12', () => {
    expect(detectDateFormat(['13/01/2020', '01/02/2020'])).toEqual({
      ok: true,
      value: { format: 'dmy', hasTime: false, assumed: false },
    });
    expect(detectDateFormat(['12/1/2010 8:26', '12/13/2010 9:01'])).toEqual({
      ok: true,
      value: { format: 'mdy', hasTime: true, assumed: false },
    });
  });

  it('assumes day first when every value reads both ways, and says so', () => {
    expect(detectDateFormat(['01/02/2020', '03.04.2020'])).toEqual({
      ok: true,
      value: {
        format: 'dmy',
        hasTime: false,
        assumed: true,
        note: 'every date reads as day/month or month/day (e.g. "01/02/2020"); assumed day/month/year, pass --date-format mdy if the month comes first',
      },
    });
  });

  it('refuses inconsistent or unrecognisable columns with a reason', () => {
    expect(detectDateFormat(['13/01/2020', '01/13/2020'])).toEqual({
      ok: false,
      error:
        'day and month order is inconsistent: "13/01/2020" has the day first but "01/13/2020" has the month first',
    });
    expect(detectDateFormat(['tomorrow', '2020-01-01'])).toEqual({
      ok: false,
      error: 'no common date format: "tomorrow" is not like 2010-12-01, 31/12/2010 or 20101231',
    });
    expect(detectDateFormat(['', ' '])).toEqual({
      ok: false,
      error: 'no values to detect a date format from',
    });
  });

  it('tolerates a few bad values among many good ones', () => {
    const samples = [
      ...Array.from({ length: 19 }, (_, i) => `2020-01-${String(i + 1).padStart(2, '0')}`),
      'n/a',
    ];
    expect(detectDateFormat(samples)).toMatchObject({ ok: true, value: { format: 'iso' } });
  });
});
