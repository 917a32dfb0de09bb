import type { FieldType } from '../fields/field.js';
import type { ComparisonInput } from '../schema/comparison.js';
import { parseInstant } from '../schema/instant.js';
import type { Issue } from '../schema/issues.js';
import type { Test } from './plan.js';

const TYPE_NAMES: Record<FieldType, string> = {
  string: 'a text',
  number: 'a number',
  boolean: 'a true/false',
  date: 'a date',
  json: 'a JSON',
};

const ALLOWED: Record<FieldType, ReadonlySet<string>> = {
  string: new Set(['=', '!=', 'in', 'contains', 'exists']),
  number: new Set(['=', '!=', '<', '<=', '>', '>=', 'between', 'in', 'exists']),
  boolean: new Set(['=', '!=', 'exists']),
  date: new Set(['=', '!=', '<', '<=', '>', '>=', 'between', 'exists']),
  json: new Set(['=', '!=', '<', '<=', '>', '>=', 'between', 'in', 'contains', 'exists']),
};

/**
 * Check a comparison against the type of what it tests and normalise it: dates to epoch ms, lists homogeneous.
 * `what` names the field or property in messages; `path` locates the comparison.
 */
export function normaliseTest(
  c: ComparisonInput,
  type: FieldType,
  what: string,
  path: string,
  issues: Issue[],
): Test | undefined {
  const at = (key: string) => (path === '' ? key : `${path}.${key}`);
  if (!ALLOWED[type].has(c.op)) {
    const ops = [...ALLOWED[type]].join(', ');
    issues.push({
      path: at('op'),
      message: `"${c.op}" does not apply to ${TYPE_NAMES[type]} field ${what}; use ${ops}`,
    });
    return undefined;
  }
  const bad = (key: string, expected: string) => {
    issues.push({ path: at(key), message: `${what} is ${TYPE_NAMES[type]} field; expected ${expected}` });
    return undefined;
  };
  /** A number for number/json fields, an ISO instant (as ms) for date fields. */
  const orderable = (key: string, v: number | string): number | undefined => {
    if (type === 'date') {
      const ms = typeof v === 'string' ? parseInstant(v) : undefined;
      return ms ?? bad(key, 'an ISO date (2024-05-01) or date-time with a zone');
    }
    if (typeof v === 'number') return v;
    if (type !== 'json') return bad(key, 'a number');
    issues.push({ path: at(key), message: `expected a number: ${what} is compared as a number by ${c.op}` });
    return undefined;
  };
  switch (c.op) {
    case '=':
    case '!=': {
      if (type === 'date') {
        const ms = orderable('value', c.value as number | string);
        return ms === undefined ? undefined : { op: c.op, value: ms };
      }
      if (type !== 'json' && typeof c.value !== type) return bad('value', TYPE_NAMES[type]);
      return { op: c.op, value: c.value };
    }
    case '<':
    case '<=':
    case '>':
    case '>=': {
      const v = orderable('value', c.value);
      return v === undefined ? undefined : { op: c.op, value: v };
    }
    case 'between': {
      const low = orderable('low', c.low);
      const high = orderable('high', c.high);
      if (low === undefined || high === undefined) return undefined;
      if (high < low) {
        issues.push({ path: at('high'), message: 'expected high >= low' });
        return undefined;
      }
      return { op: 'between', low, high };
    }
    case 'in': {
      const first = typeof c.values[0];
      const mixed = c.values.findIndex((v) => typeof v !== first);
      if (mixed >= 0) {
        issues.push({
          path: at(`values[${mixed}]`),
          message: `expected ${first === 'number' ? 'a number' : 'a text'} like the first value`,
        });
        return undefined;
      }
      if (type === 'string' && first !== 'string') return bad('values', 'texts');
      if (type === 'number' && first !== 'number') return bad('values', 'numbers');
      return { op: 'in', values: [...new Set(c.values)] };
    }
    case 'contains':
      return { op: 'contains', value: c.value };
    case 'exists':
      return { op: 'exists' };
  }
}
