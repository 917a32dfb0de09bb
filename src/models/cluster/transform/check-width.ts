import { invalidInput } from '../../../core/errors.js';
import type { Matrix } from '../matrix.js';

/** Fitted on `d` columns, applied to `x`: same width or an exact error. */
export function checkWidth(kind: string, d: number, x: Matrix): void {
  if (x.d !== d) throw invalidInput(`${kind} transform was fitted on ${d} columns, got ${x.d}`);
}
