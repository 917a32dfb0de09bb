import type { z } from 'zod';

/** One located problem with an input: `conditions[2].window.days: expected a positive integer`. */
export interface Issue {
  readonly path: string;
  readonly message: string;
}

/** `["conditions", 2, "window", "days"]` → `conditions[2].window.days`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out === '' ? String(p) : `.${String(p)}`;
  }
  return out;
}

export const issueText = (i: Issue): string => (i.path === '' ? i.message : `${i.path}: ${i.message}`);

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

const EXPECTED: Record<string, string> = { record: 'object' };
const article = (t: string) => (/^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`);
const kindOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/** zod's issues as exact, located messages (Observable Plot style: say what was expected and what was found). */
export function zodIssues(error: z.ZodError, input: unknown): Issue[] {
  const out: Issue[] = [];
  for (const issue of error.issues) {
    const here = valueAt(input, issue.path);
    const path = formatPath(issue.path);
    switch (issue.code) {
      case 'unrecognized_keys':
        for (const key of issue.keys)
          out.push({ path: formatPath([...issue.path, key]), message: 'unknown key' });
        break;
      case 'invalid_union': {
        const options = (issue as { options?: readonly unknown[] }).options;
        if (options !== undefined) {
          const list = options.map((o) => JSON.stringify(o)).join(', ');
          out.push({
            path,
            message: here === undefined ? `required: one of ${list}` : `expected one of ${list}`,
          });
        } else {
          out.push({ path, message: here === undefined ? `required: ${issue.message}` : issue.message });
        }
        break;
      }
      case 'invalid_type':
        if (here === undefined) out.push({ path, message: 'required' });
        else if (issue.message.startsWith('Invalid input'))
          out.push({
            path,
            message: `expected ${article(EXPECTED[String(issue.expected)] ?? String(issue.expected))}, got ${article(kindOf(here))}`,
          });
        else out.push({ path, message: issue.message });
        break;
      case 'invalid_value':
        out.push({
          path,
          message: issue.message.startsWith('Invalid')
            ? `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`
            : issue.message,
        });
        break;
      default:
        out.push({ path, message: issue.message });
    }
  }
  return out;
}
