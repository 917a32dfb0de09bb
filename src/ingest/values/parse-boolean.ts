import { err, ok, type Result } from '../../core/result.js';
import { quoted, type Reason } from './reason.js';

const WORDS: ReadonlyMap<string, boolean> = new Map([
  ...['true', 't', 'yes', 'y', 'sí', 'si', 's', '1', 'verdadero', 'v', 'x', 'on'].map(
    (w) => [w, true] as const,
  ),
  ...['false', 'f', 'no', 'n', '0', 'falso', 'off'].map((w) => [w, false] as const),
]);

export interface BooleanOptions {
  /** A checkbox column (`x` or nothing): blank reads as false instead of being refused. */
  readonly blankIsFalse?: boolean;
}

/** Parses true/false, yes/no, sí/si/no, 1/0, y/n, t/f, verdadero/falso, on/off and x (checked), any case. */
export function parseBoolean(text: string, options: BooleanOptions = {}): Result<boolean, Reason> {
  const t = text.trim();
  if (t === '') return options.blankIsFalse ? ok(false) : err('expected a boolean but the value is empty');
  const value = WORDS.get(t.toLowerCase());
  return value === undefined
    ? err(
        `not a boolean: ${quoted(text)} (expected true/false, yes/no, sí/no, 1/0, y/n, verdadero/falso or x)`,
      )
    : ok(value);
}
