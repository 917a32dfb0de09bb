import { describe, expect, it } from 'vitest';
import { hourRuns, weekHourPhrase, weekHourRange } from './week-hours.js';

const TUE = 2 * 24;
const lifts = (entries: readonly [number, number][]) => new Map(entries);

describe('hour ranges of the week', () => {
  it('merges adjacent hours into ranges', () => {
    const runs = hourRuns(
      lifts([
        [TUE + 20, 30],
        [TUE + 21, 34],
        [TUE + 22, 28],
        [TUE + 9, 2],
      ]),
    );
    expect(runs).toEqual([
      { start: TUE + 9, length: 1 },
      { start: TUE + 20, length: 3 },
    ]);
  });

  it('keeps a much weaker neighbour out of a strong range', () => {
    // Tuesday 23h at 2.4x next to 20-23h at ~30x stays on its own (lift below half the peak).
    const runs = hourRuns(
      lifts([
        [TUE + 20, 30],
        [TUE + 21, 34],
        [TUE + 22, 28],
        [TUE + 23, 2.4],
      ]),
    );
    expect(runs).toEqual([
      { start: TUE + 20, length: 3 },
      { start: TUE + 23, length: 1 },
    ]);
  });

  it('wraps from Saturday night into Sunday', () => {
    const runs = hourRuns(
      lifts([
        [166, 3],
        [167, 3],
        [0, 3],
        [1, 3],
      ]),
    );
    expect(runs).toEqual([{ start: 166, length: 4 }]);
    const r = weekHourRange(runs[0] ?? { start: 0, length: 0 });
    expect(r).toMatchObject({ weekday: 6, fromHour: 22, toWeekday: 0, toHour: 2, hours: 4 });
    expect(r.label).toEqual({
      en: 'Saturday 22h to Sunday 2h',
      es: 'del sábado a las 22 h al domingo a las 2 h',
    });
    expect(weekHourPhrase(r)).toEqual({
      en: 'from Saturday 22h to Sunday 2h',
      es: 'del sábado a las 22 h al domingo a las 2 h',
    });
  });

  it('labels ranges within a day, up to midnight', () => {
    const r = weekHourRange({ start: TUE + 20, length: 3 });
    expect(r).toMatchObject({ weekday: 2, fromHour: 20, toWeekday: 2, toHour: 23 });
    expect(r.label).toEqual({ en: 'Tuesday 20-23h', es: 'martes de 20 a 23 h' });
    expect(weekHourPhrase(r)).toEqual({ en: 'on Tuesday 20-23h', es: 'los martes de 20 a 23 h' });
    const late = weekHourRange({ start: 6 * 24 + 21, length: 3 });
    expect(late.label.en).toBe('Saturday 21-24h');
    expect(weekHourPhrase(late).es).toBe('los sábados de 21 a 24 h');
    expect(hourRuns(new Map())).toEqual([]);
  });
});
