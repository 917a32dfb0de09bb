/**
 * What the route contract test (test/server-routes-contract.test.ts) derives from a route declaration alone: path
 * parameters, invalid query/path values from its zod schemas, large integers, bad JSON bodies, and the routes fastify
 * serves. Pure functions over `Route`; no server.
 */
import { z } from 'zod';
import type { Route } from '../../src/server/route.js';

type Json = Record<string, unknown>;

/** The `:param` names of a route path. */
export const paramNames = (r: Route) => [...r.path.matchAll(/:([A-Za-z_]+)/g)].map((m) => m[1]!);
/** `previous-segment/:param`, the key a real path value is looked up by. */
export const realKey = (r: Route, param: string) => {
  const parts = r.path.split('/');
  return `${parts[parts.indexOf(`:${param}`) - 1]}/:${param}`;
};
/** The zod issues of `value` located at `field`. */
export const issuesAt = (schema: z.ZodType | undefined, value: Json, field: string) =>
  (schema?.safeParse(value).error?.issues ?? []).filter((i) => String(i.path[0]) === field);

/** An id that does not exist but passes the params schema. */
export const placeholderFor = (r: Route, p: string) =>
  ['999999', 'no-such-thing', '00000000-0000-4000-8000-000000000000'].find(
    (v) => issuesAt(r.params, { [p]: v }, p).length === 0,
  ) ?? 'x';

/** The route path with its values filled in (encoded), and a query string. */
export function urlOf(r: Route, values: Record<string, string>, query: Record<string, string> = {}): string {
  const path = r.path.replace(/:([A-Za-z_]+)/g, (_m, k: string) => encodeURIComponent(values[k] ?? ''));
  const qs = new URLSearchParams(query).toString();
  return qs ? `${path}?${qs}` : path;
}

/** Invalid values for one query/path property, from its JSON schema; kept only when zod rejects them there. */
export function invalidValues(r: Route, where: 'query' | 'params', field: string, p: Json): string[] {
  const types = [p.type, ...((p.anyOf ?? p.oneOf ?? []) as Json[]).map((x) => x.type)];
  const out: string[] = [];
  if (p.enum) out.push('not-a-choice');
  if (types.includes('integer') || types.includes('number')) {
    out.push('abc');
    if (typeof p.minimum === 'number') out.push(String(p.minimum - 1));
    if (typeof p.exclusiveMinimum === 'number') out.push(String(p.exclusiveMinimum));
    if (typeof p.maximum === 'number') out.push(String(p.maximum + 1));
    if (types.includes('integer')) out.push('1.5');
  }
  if (types.includes('boolean')) out.push('maybe');
  if (typeof p.maxLength === 'number') out.push('x'.repeat(p.maxLength + 1));
  if (typeof p.format === 'string') out.push(`not-a-${p.format}`);
  if (typeof p.minLength === 'number' && p.minLength > 0) out.push('');
  const schema = where === 'query' ? r.query : r.params;
  const rejected = (values: string[]) =>
    [...new Set(values)].filter(
      (v) => !(where === 'params' && v === '') && issuesAt(schema, { [field]: v }, field).length > 0,
    );
  // Schemas the JSON schema cannot show (refinements: dates, ids) get plain wrong values.
  const derived = rejected(out);
  return derived.length > 0 ? derived : rejected(['abc', '-1', '']);
}

/** The properties of an object schema, as JSON schemas (none for other schemas). */
export const propertiesOf = (s: z.ZodType | undefined): Record<string, Json> => {
  const json = s ? (z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' }) as Json) : {};
  return (json.properties ?? {}) as Record<string, Json>;
};

/** Every bad query or path value of a route: `where.field=value`. */
export const badInputs = (r: Route) =>
  (['query', 'params'] as const).flatMap((where) =>
    Object.entries(propertiesOf(where === 'query' ? r.query : r.params)).flatMap(([field, p]) =>
      invalidValues(r, where, field, p).map((value) => ({ where, field, value })),
    ),
  );

/** Valid integers past 32 bits (ids, offsets, runs) in the query, path or JSON body: nothing may overflow on them. */
export const largeIntegers = (r: Route) =>
  (['query', 'params', 'body'] as const).flatMap((where) => {
    const schema =
      where === 'query' ? r.query : where === 'params' ? r.params : r.body === 'raw' ? undefined : r.body;
    return Object.entries(propertiesOf(schema)).flatMap(([field, p]) =>
      ['2147483648', '9007199254740991']
        .filter((v) => {
          const value = where === 'body' ? Number(v) : v;
          return (
            p.type === 'integer' &&
            (where === 'body'
              ? schema!.safeParse({ [field]: value }).success
              : issuesAt(schema, { [field]: value }, field).length === 0)
          );
        })
        .map((value) => ({ where, field, value })),
    );
  });

/** Bad JSON bodies: the wrong type, `{}` when the schema needs more, broken and empty JSON. */
export const badBodies = (r: Route) =>
  r.body === undefined || r.body === 'raw'
    ? []
    : [
        { label: 'an array', payload: '[]' },
        { label: 'a string', payload: '"text"' },
        ...(r.body.safeParse({}).success ? [] : [{ label: '{} (missing fields)', payload: '{}' }]),
        { label: 'broken JSON', payload: '{"a":' },
        { label: 'no JSON at all', payload: ' ' },
      ];

/** Whether the text is a JSON document. */
export const isJson = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

/** `METHOD /path` of every route fastify serves, from its route tree (HEAD left out). */
export function servedRoutes(tree: string): string[] {
  const stack: string[] = [];
  const out: string[] = [];
  for (const line of tree.split('\n')) {
    const m = /^([│ ]*)[├└]── (\S+)(?: \(([^)]+)\))?$/.exec(line);
    if (!m) continue;
    stack.length = m[1]!.length / 4;
    stack.push(m[2]!);
    for (const method of m[3]?.split(', ') ?? [])
      if (method !== 'HEAD') out.push(`${method} ${stack.join('')}`);
  }
  return out;
}
