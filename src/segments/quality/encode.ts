import { invalidInput } from '../../core/errors.js';
import { type EncodedLabels, encodeLabels, type Matrix } from '../../models/cluster/index.js';

/** A labelling of the rows of `x` (segment names or numbers), checked and densely coded. */
export function encodeFor(x: Matrix, labels: ArrayLike<string | number>, what = 'labels'): EncodedLabels {
  if (labels.length !== x.n) throw invalidInput(`${what}: ${labels.length} labels for ${x.n} rows`);
  return encodeLabels(labels);
}
