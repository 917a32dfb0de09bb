/**
 * Why a value was refused: a user-facing sentence naming the value and what was expected, e.g.
 * `not a valid date: "31/02/2020" (February has 29 days at most)`. Parsers return Result<T, Reason>.
 */
export type Reason = string;

/** Quotes a value for a reason sentence, shortened so one bad cell cannot flood a report. */
export const quoted = (text: string): string =>
  JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);
