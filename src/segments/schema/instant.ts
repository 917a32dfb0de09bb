import { z } from 'zod';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Epoch ms of an ISO date (midnight UTC) or an ISO date-time with a zone; undefined when it is neither. */
export function parseInstant(s: string): number | undefined {
  const d = DATE.exec(s);
  if (d) {
    const [y, m, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
    const ms = Date.UTC(y, m - 1, day);
    const back = new Date(ms);
    return back.getUTCMonth() === m - 1 && back.getUTCDate() === day ? ms : undefined;
  }
  if (!DATE_TIME.test(s)) return undefined;
  const ms = Date.parse(s);
  return Number.isFinite(ms) ? ms : undefined;
}

export const INSTANT_EXPECTED =
  'expected an ISO date (2024-05-01) or date-time with a zone (2024-05-01T10:00:00Z)';

/** An instant written as an ISO date or date-time with an explicit zone. */
export const Instant = z
  .string({ error: INSTANT_EXPECTED })
  .refine((s) => parseInstant(s) !== undefined, { error: INSTANT_EXPECTED })
  .meta({ id: 'Instant', description: INSTANT_EXPECTED });
