import type { Bilingual, WeekHourRange } from './statement.js';

/** Hours of the week, 0 = Sunday 0h … 167 = Saturday 23h (SQL `dayofweek(t) * 24 + hour(t)`). */
export const HOURS_PER_WEEK = 168;

export interface HourRun {
  readonly start: number;
  readonly length: number;
}

/**
 * Ranges of a segment's significant hours: runs of consecutive hours of the week (wrapping from Saturday 23h to
 * Sunday 0h), each split so that every hour in a range over-indexes at least 1/`spread` as much as the range's
 * strongest hour: "Tuesday 20-23h" at 30x does not swallow a neighbouring 23h at 2x, which stays on its own.
 * `lifts` maps hour of the week to lift; ranges come back in order of their start.
 */
export function hourRuns(lifts: ReadonlyMap<number, number>, spread = 2): HourRun[] {
  if (lifts.size === 0) return [];
  const has = (h: number) => lifts.has(((h % HOURS_PER_WEEK) + HOURS_PER_WEEK) % HOURS_PER_WEEK);
  const lift = (h: number) => lifts.get(h % HOURS_PER_WEEK) ?? 0;
  const runs: HourRun[] = [];
  const split = (hours: readonly number[]): void => {
    if (hours.length === 0) return;
    let peak = 0;
    hours.forEach((h, i) => {
      if (lift(h) > lift(hours[peak] as number)) peak = i;
    });
    const floor = lift(hours[peak] as number) / spread;
    let lo = peak;
    let hi = peak;
    while (lo > 0 && lift(hours[lo - 1] as number) >= floor) lo--;
    while (hi < hours.length - 1 && lift(hours[hi + 1] as number) >= floor) hi++;
    runs.push({ start: (hours[lo] as number) % HOURS_PER_WEEK, length: hi - lo + 1 });
    split(hours.slice(0, lo));
    split(hours.slice(hi + 1));
  };
  if (lifts.size >= HOURS_PER_WEEK) split(Array.from({ length: HOURS_PER_WEEK }, (_, h) => h));
  else {
    for (let h = 0; h < HOURS_PER_WEEK; h++) {
      if (!has(h) || has(h - 1)) continue;
      const hours = [h];
      while (has(h + hours.length)) hours.push(h + hours.length);
      split(hours);
    }
  }
  return runs.sort((a, b) => a.start - b.start);
}

const DAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const DAYS_ES = ['domingo', 'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado'];
const DAYS_ES_PLURAL = ['domingos', 'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábados'];

/** The range a run covers, with its labels: "Tuesday 20-23h" / "martes de 20 a 23 h". */
export function weekHourRange(run: HourRun): WeekHourRange {
  const weekday = Math.floor(run.start / 24) % 7;
  const fromHour = run.start % 24;
  const last = run.start + run.length - 1;
  const sameDay = Math.floor(last / 24) === Math.floor(run.start / 24);
  const toWeekday = sameDay ? weekday : Math.floor(((last + 1) % HOURS_PER_WEEK) / 24);
  const toHour = sameDay ? fromHour + run.length : ((last + 1) % HOURS_PER_WEEK) % 24;
  const label: Bilingual = sameDay
    ? {
        en: `${DAYS_EN[weekday]} ${fromHour}-${toHour}h`,
        es: `${DAYS_ES[weekday]} de ${fromHour} a ${toHour} h`,
      }
    : {
        en: `${DAYS_EN[weekday]} ${fromHour}h to ${DAYS_EN[toWeekday]} ${toHour}h`,
        es: `del ${DAYS_ES[weekday]} a las ${fromHour} h al ${DAYS_ES[toWeekday]} a las ${toHour} h`,
      };
  return { weekday, fromHour, toWeekday, toHour, hours: run.length, label };
}

/** The range as it reads inside a sentence: "on Tuesday 20-23h" / "los martes de 20 a 23 h". */
export function weekHourPhrase(r: WeekHourRange): Bilingual {
  const sameDay = r.hours <= 24 && r.weekday === r.toWeekday && r.fromHour < r.toHour;
  return sameDay
    ? { en: `on ${r.label.en}`, es: `los ${DAYS_ES_PLURAL[r.weekday]} de ${r.fromHour} a ${r.toHour} h` }
    : { en: `from ${r.label.en}`, es: r.label.es };
}
