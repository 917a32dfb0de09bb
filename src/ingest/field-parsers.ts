import { assertNever } from '../core/assert-never.js';
import { invalidInput } from '../core/errors.js';
import type { CellValue } from '../warehouse/column-table.js';
import type { EntitySpec } from './entities/entity.js';
import type { FieldSpec } from './entities/field.js';
import type { ResolvedMapping } from './mapping.js';
import { Invalid, type Parsed } from './row-result.js';
import * as values from './values/index.js';

/** Formats a user may state instead of letting them be detected per column. */
export interface FormatOptions {
  readonly decimal?: '.' | ',';
  /** iso, dmy, mdy, ymd-compact or a strftime-like pattern. */
  readonly dateFormat?: string;
}

export interface FieldParsers {
  /** One compiled parser per mapped field: text in, value or Invalid out. */
  readonly parse: Readonly<Record<string, (text: string) => Parsed>>;
  readonly required: ReadonlySet<string>;
  /** What was detected per field, for the report ("ordered_at: dd/mm/yyyy"). */
  readonly formats: Readonly<Record<string, string>>;
  readonly formatOptions: FormatOptions;
  readonly notes: readonly string[];
}

const NULLS = new Set(['', 'null', 'NULL', 'Null', 'NA', 'N/A', 'n/a', '#N/A', 'NaN', 'nan', 'None', '-']);
const SAMPLE = 5_000;

/** Blank or a null marker; the common case (a plain value) is decided without allocating a trimmed copy. */
function isBlank(text: string): boolean {
  const n = text.length;
  if (n === 0) return true;
  if (n > 4 && text.charCodeAt(0) > 32 && text.charCodeAt(n - 1) > 32) return false;
  return NULLS.has(text.trim());
}

/**
 * Compile, once per import, the parser of every mapped field: formats (decimal separator, date order) are
 * detected per column from the first records unless stated, so a whole column is read one consistent way.
 */
export function compileFieldParsers(
  entity: EntitySpec,
  mapping: ResolvedMapping,
  sample: readonly (readonly string[])[],
  options: FormatOptions,
): FieldParsers {
  const parse: Record<string, (text: string) => Parsed> = {};
  const formats: Record<string, string> = {};
  const notes: string[] = [];
  const required = new Set<string>();
  let decimalUsed: '.' | ',' | undefined = options.decimal;
  let dateUsed: string | undefined = options.dateFormat;
  if (options.dateFormat !== undefined) {
    const f = values.parseDateFormatOption(options.dateFormat);
    if (!f.ok) throw invalidInput(`--date-format ${options.dateFormat}: ${f.error}`);
  }
  for (const field of entity.fields) {
    const idx = mapping.fields.get(field.name);
    if (idx === undefined) continue;
    if (field.required) required.add(field.name);
    const samples: string[] = [];
    for (const rec of sample) {
      const v = rec[idx];
      if (v !== undefined && !isBlank(v)) samples.push(v);
      if (samples.length >= SAMPLE) break;
    }
    const compiled = compileField(field, samples, options, notes);
    parse[field.name] = compiled.parse;
    if (compiled.format) {
      formats[field.name] = compiled.format;
      if (compiled.decimal) decimalUsed ??= compiled.decimal;
      if (compiled.dateFormat) dateUsed ??= compiled.dateFormat;
    }
  }
  const formatOptions: FormatOptions = {
    ...(decimalUsed ? { decimal: decimalUsed } : {}),
    ...(dateUsed ? { dateFormat: dateUsed } : {}),
  };
  return { parse, required, formats, formatOptions, notes };
}

interface Compiled {
  parse: (text: string) => Parsed;
  format?: string;
  decimal?: '.' | ',';
  dateFormat?: string;
}

/** Value parsers answer a value, a Result, or a reason string; all become Parsed. */
function fromResult<T extends CellValue>(
  r: { ok: true; value: T } | { ok: false; error: string },
): T | Invalid {
  return r.ok ? r.value : new Invalid(r.error);
}

function dateFormatOf(text: string): values.DateFormat {
  const f = values.parseDateFormatOption(text);
  if (!f.ok) throw invalidInput(`date format ${text}: ${f.error}`);
  return f.value;
}

const wrap =
  <T extends CellValue>(fn: (text: string) => T | Invalid) =>
  (text: string): Parsed =>
    isBlank(text) ? null : fn(text);

function compileField(
  field: FieldSpec,
  samples: readonly string[],
  options: FormatOptions,
  notes: string[],
): Compiled {
  switch (field.type) {
    case 'id':
    case 'string':
      return { parse: (text) => (isBlank(text) ? null : text.trim()) };
    case 'number': {
      const decimal = options.decimal ?? values.detectDecimalSeparator(samples);
      return {
        parse: wrap((t) => fromResult(values.parseNumber(t, decimal))),
        ...(decimal === 'auto' ? {} : { format: `decimal '${decimal}'`, decimal }),
      };
    }
    case 'integer': {
      const decimal = options.decimal ?? 'auto';
      return { parse: wrap((t) => fromResult(values.parseInteger(t, decimal))) };
    }
    case 'boolean':
      return { parse: wrap((t) => fromResult(values.parseBoolean(t))) };
    case 'date':
    case 'timestamp': {
      let format: values.DateFormat;
      let stated: string;
      if (options.dateFormat !== undefined) {
        format = dateFormatOf(options.dateFormat);
        stated = options.dateFormat;
      } else {
        const d = values.detectDateFormat(samples);
        if (!d.ok) {
          format = bestFittingDateFormat(samples);
          if (samples.length > 0) {
            notes.push(
              `${field.name}: ${d.error}; read as ${values.describeDateFormat(format)}, the format most values fit — state it with --date-format if that is wrong`,
            );
          }
        } else {
          format = d.value.format;
          if (d.value.note) notes.push(`${field.name}: ${d.value.note}`);
        }
        stated = typeof format === 'string' ? format : (options.dateFormat ?? 'iso');
      }
      const f = format;
      const parseOne = field.type === 'date' ? values.parseDate : values.parseTimestamp;
      return {
        parse: wrap((t) => fromResult(parseOne(t, f))),
        format: values.describeDateFormat(f),
        dateFormat: stated,
      };
    }
    case 'json':
      return {
        parse: wrap((t) => {
          try {
            const v = JSON.parse(t) as unknown;
            if (v === null || typeof v !== 'object' || Array.isArray(v)) {
              return new Invalid(`not a JSON object: ${JSON.stringify(t.slice(0, 60))}`);
            }
            return t;
          } catch {
            return new Invalid(`not valid JSON: ${JSON.stringify(t.slice(0, 60))}`);
          }
        }),
      };
    default:
      return assertNever(field.type, 'field type');
  }
}

const CANDIDATE_FORMATS: readonly values.DateFormat[] = ['iso', 'dmy', 'mdy', 'ymd-compact'];

/** When no format fits 90% of a column (a few bad values in a small file), take the one most values fit. */
function bestFittingDateFormat(samples: readonly string[]): values.DateFormat {
  let best: values.DateFormat = 'dmy';
  let bestCount = 0;
  for (const f of CANDIDATE_FORMATS) {
    let n = 0;
    for (const s of samples) if (values.parseTimestamp(s, f).ok) n++;
    if (n > bestCount) {
      best = f;
      bestCount = n;
    }
  }
  return best;
}
