import { describe, expect, it } from 'vitest';
import type { DateFormat } from './date-format.js';
import { compileDatePattern } from './date-pattern.js';
import { parseDate, parseTimestamp } from './parse-date.js';

const ts = (text: string, format: DateFormat) => {
  const r = parseTimestamp(text, format);
  return r.ok ? r.value : r.error;
};
const date = (text: string, format: DateFormat) => {
  const r = parseDate(text, format);
  return r.ok ? r.value : r.error;
};
const pattern = (source: string): DateFormat => {
  const r = compileDatePattern(source);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

describe('parseTimestamp', () => {
  it('reads ISO dates and times, as UTC unless an offset is given', () => {
    expect(ts('2010-12-01', 'iso')).toBe(Date.UTC(2010, 11, 1));
    expect(ts('2010-12-01 08:26:00', 'iso')).toBe(Date.UTC(2010, 11, 1, 8, 26));
    expect(ts('2010-12-01 08:26', 'iso')).toBe(Date.UTC(2010, 11, 1, 8, 26));
    expect(ts('2010-12-01T08:26:00Z', 'iso')).toBe(Date.UTC(2010, 11, 1, 8, 26));
    expect(ts('2010-12-01T08:26:00.125Z', 'iso')).toBe(Date.UTC(2010, 11, 1, 8, 26, 0, 125));
    expect(ts('2010-12-01T08:26:00+02:00', 'iso')).toBe(Date.UTC(2010, 11, 1, 6, 26));
    expect(ts('2010-12-01 08:26:00-0530', 'iso')).toBe(Date.UTC(2010, 11, 1, 13, 56));
    expect(ts('2010/12/01', 'iso')).toBe(Date.UTC(2010, 11, 1));
  });

  it('reads day-first dates with / - or . and an optional time', () => {
    expect(ts('01/12/2010', 'dmy')).toBe(Date.UTC(2010, 11, 1));
    expect(ts('1/2/2010', 'dmy')).toBe(Date.UTC(2010, 1, 1));
    expect(ts('01-12-2010', 'dmy')).toBe(Date.UTC(2010, 11, 1));
    expect(ts('01.12.2010', 'dmy')).toBe(Date.UTC(2010, 11, 1));
    expect(ts('01/12/2010 08:26', 'dmy')).toBe(Date.UTC(2010, 11, 1, 8, 26));
    expect(ts('01/12/2010 08:26:30', 'dmy')).toBe(Date.UTC(2010, 11, 1, 8, 26, 30));
  });

  it('reads month-first US dates, with AM/PM', () => {
    expect(ts('12/1/2010 8:26', 'mdy')).toBe(Date.UTC(2010, 11, 1, 8, 26));
    expect(ts('12/1/2010 8:26 PM', 'mdy')).toBe(Date.UTC(2010, 11, 1, 20, 26));
    expect(ts('12/1/2010 12:05 AM', 'mdy')).toBe(Date.UTC(2010, 11, 1, 0, 5));
    expect(ts('12/1/2010 12:05 pm', 'mdy')).toBe(Date.UTC(2010, 11, 1, 12, 5));
  });

  it('reads compact yyyymmdd', () => {
    expect(ts('19970101', 'ymd-compact')).toBe(Date.UTC(1997, 0, 1));
  });

  it('reads a stated pattern', () => {
    expect(ts('05/03/2021 14:30', pattern('%d/%m/%Y %H:%M'))).toBe(Date.UTC(2021, 2, 5, 14, 30));
    expect(ts('2021.03.05', pattern('%Y.%m.%d'))).toBe(Date.UTC(2021, 2, 5));
    expect(ts('5 ene 2021', pattern('%d %b %Y'))).toBe(Date.UTC(2021, 0, 5));
    expect(ts('5 Aug. 2021', pattern('%d %b %Y'))).toBe(Date.UTC(2021, 7, 5));
    expect(ts('03/05/2021 02:15:09 PM', pattern('%m/%d/%Y %I:%M:%S %p'))).toBe(
      Date.UTC(2021, 2, 5, 14, 15, 9),
    );
    expect(ts('2021-03-05T10:00:00.5+01:00', pattern('%Y-%m-%dT%H:%M:%S.%f%z'))).toBe(
      Date.UTC(2021, 2, 5, 9, 0, 0, 500),
    );
    expect(ts('05/03/21', pattern('%d/%m/%Y'))).toBe(
      'not a date: "05/03/21" (expected the pattern %d/%m/%Y)',
    );
    expect(ts('5 foo 2021', pattern('%d %b %Y'))).toBe(
      'not a valid date: "5 foo 2021" (unknown month name "foo")',
    );
  });

  it('takes years literally, even below 100', () => {
    expect(ts('0099-01-01', 'iso')).toBe(Date.parse('0099-01-01T00:00:00Z'));
  });
});

describe('parseDate', () => {
  it('returns midnight UTC of the written day, ignoring a time or offset', () => {
    expect(date('2010-12-01 08:26:00', 'iso')).toBe(Date.UTC(2010, 11, 1));
    expect(date('2010-12-01T23:30:00-05:00', 'iso')).toBe(Date.UTC(2010, 11, 1));
    expect(date('31/12/2010', 'dmy')).toBe(Date.UTC(2010, 11, 31));
  });
});

describe('date validation messages', () => {
  it('checks the calendar', () => {
    expect(date('31/02/2020', 'dmy')).toBe('not a valid date: "31/02/2020" (February has 29 days at most)');
    expect(date('29/02/2021', 'dmy')).toBe('not a valid date: "29/02/2021" (February 2021 has 28 days)');
    expect(date('29/02/2020', 'dmy')).toBe(Date.UTC(2020, 1, 29));
    expect(date('2000-02-29', 'iso')).toBe(Date.UTC(2000, 1, 29));
    expect(date('1900-02-29', 'iso')).toBe('not a valid date: "1900-02-29" (February 1900 has 28 days)');
    expect(date('31/04/2020', 'dmy')).toBe('not a valid date: "31/04/2020" (April has 30 days)');
    expect(date('2020-13-01', 'iso')).toBe('not a valid date: "2020-13-01" (there is no month 13)');
    expect(date('13/25/2020', 'mdy')).toBe('not a valid date: "13/25/2020" (there is no month 13)');
    expect(date('00/01/2020', 'dmy')).toBe('not a valid date: "00/01/2020" (there is no day 0)');
    expect(date('19971301', 'ymd-compact')).toBe('not a valid date: "19971301" (there is no month 13)');
  });

  it('checks the clock', () => {
    expect(ts('2020-01-01 25:00', 'iso')).toBe(
      'not a valid time: "2020-01-01 25:00" (hours go from 0 to 23)',
    );
    expect(ts('2020-01-01 10:60', 'iso')).toBe(
      'not a valid time: "2020-01-01 10:60" (minutes go from 0 to 59)',
    );
    expect(ts('2020-01-01 10:00:61', 'iso')).toBe(
      'not a valid time: "2020-01-01 10:00:61" (seconds go from 0 to 59)',
    );
    expect(ts('1/2/2020 13:00 PM', 'mdy')).toBe(
      'not a valid time: "1/2/2020 13:00 PM" (with AM/PM, hours go from 1 to 12)',
    );
    expect(ts('2020-01-01T10:00+15:00', 'iso')).toBe(
      'not a valid time: "2020-01-01T10:00+15:00" (the UTC offset +15:00 does not exist)',
    );
  });

  it('refuses two-digit years', () => {
    expect(date('01/02/20', 'dmy')).toBe(
      'not a valid date: "01/02/20" (two-digit years are not accepted; write the year with four digits)',
    );
    expect(date('1/2/97 8:26', 'mdy')).toMatch(/two-digit years are not accepted/);
  });

  it('says what shape was expected', () => {
    expect(date('', 'iso')).toBe('expected a date but the value is empty');
    expect(date('yesterday', 'iso')).toBe(
      'not a date: "yesterday" (expected year-month-day, like 2010-12-01 or 2010-12-01 08:26:00)',
    );
    expect(date('2010-12-01', 'dmy')).toBe(
      'not a date: "2010-12-01" (expected day/month/year, like 31/12/2010 or 31/12/2010 08:26)',
    );
    expect(date('2010-12-01', 'mdy')).toBe(
      'not a date: "2010-12-01" (expected month/day/year, like 12/31/2010 or 12/31/2010 8:26)',
    );
    expect(date('1997-01-01', 'ymd-compact')).toBe(
      'not a date: "1997-01-01" (expected yyyymmdd, like 20101231)',
    );
    expect(date('01/02/02020', 'dmy')).toMatch(/^not a date: "01\/02\/02020"/);
  });
});
