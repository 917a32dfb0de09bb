/**
 * The builder edits a segment definition (docs/segments.md) as plain JSON: the visual editor and the JSON tab
 * change the same object, and the server validates it. Nodes arrive from the JSON tab too, so every reader here
 * is defensive: whatever the visual editor cannot show stays untouched and is edited as JSON.
 */
export type FieldType = 'string' | 'number' | 'boolean' | 'date' | 'json';

export interface FieldInfo {
  name: string;
  source: 'customer' | 'trait' | 'score';
  type: FieldType;
}

export interface Catalogue {
  fields: FieldInfo[];
  eventTypes: { type: string; count: number }[];
}

export type Node = Record<string, unknown>;

export interface Definition {
  name: string;
  description?: string;
  match?: 'all' | 'any';
  conditions: Node[];
  [key: string]: unknown;
}

/** Operators that apply to each field type (src/segments/plan/normalise-test.ts). */
export const OPS: Record<FieldType, readonly string[]> = {
  string: ['=', '!=', 'in', 'contains', 'exists'],
  number: ['=', '!=', '<', '<=', '>', '>=', 'between', 'in', 'exists'],
  boolean: ['=', '!=', 'exists'],
  date: ['=', '!=', '<', '<=', '>', '>=', 'between', 'exists'],
  json: ['=', '!=', '<', '<=', '>', '>=', 'between', 'in', 'contains', 'exists'],
};

export const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A trait (`traits.KEY`) is JSON; anything unknown is treated as JSON too (the server has the last word). */
export function fieldType(fields: readonly FieldInfo[], name: unknown): FieldType {
  if (typeof name !== 'string') return 'json';
  return fields.find((f) => f.name === name)?.type ?? 'json';
}

const today = () => new Date().toISOString().slice(0, 10);

/** A sensible value for a type, so a freshly picked operator gives a rule that is valid at once. */
export function defaultValue(type: FieldType): string | number | boolean {
  if (type === 'number') return 0;
  if (type === 'boolean') return true;
  if (type === 'date') return today();
  return '';
}

/** The test part of a field condition for `op`, keeping the current value when it still fits. */
export function withOp(node: Node, op: string, type: FieldType): Node {
  const { value, low, high, values, ...rest } = node;
  const keep = value ?? low ?? (Array.isArray(values) ? values[0] : undefined) ?? defaultValue(type);
  const v = typeof keep === 'string' && type === 'number' ? defaultValue(type) : keep;
  if (op === 'exists') return { ...rest, op };
  if (op === 'between') return { ...rest, op, low: v, high: high ?? v };
  if (op === 'in') return { ...rest, op, values: Array.isArray(values) ? values : [v] };
  if (op === 'contains') return { ...rest, op, value: typeof v === 'string' && v !== '' ? v : 'a' };
  return { ...rest, op, value: v };
}

/** A new field condition on `field`: "exists" is valid for every type, so the count shows at once. */
export const newField = (field: string): Node => ({ kind: 'field', field, op: 'exists' });
export const newEvent = (event: string): Node => ({ kind: 'event', event });
export const newGroup = (field: string): Node => ({ kind: 'any', conditions: [newField(field)] });

/** Parse a typed value from an input: numbers for number fields, ISO dates as text, JSON values by shape. */
export function parseValue(text: string, type: FieldType): unknown {
  const s = text.trim();
  if (type === 'number') return s === '' || !Number.isFinite(Number(s)) ? s : Number(s);
  if (type === 'boolean') return s === 'true';
  if (type === 'json') {
    if (s === 'true' || s === 'false') return s === 'true';
    if (s !== '' && Number.isFinite(Number(s))) return Number(s);
  }
  return text;
}

export const formatValue = (v: unknown): string =>
  v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);

/** A comma list: "gold, silver" → ["gold", "silver"] (numbers for number fields). */
export const parseList = (text: string, type: FieldType): unknown[] =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => parseValue(s, type));

export const formatList = (v: unknown): string => (Array.isArray(v) ? v.map(formatValue).join(', ') : '');

/** The definition sent for a preview: an empty name is left out (it is optional there). */
export function forPreview(def: Definition): Node {
  const { name, ...rest } = def;
  return name === '' ? rest : def;
}

export const blankDefinition = (): Definition => ({ name: '', match: 'all', conditions: [] });
