import type { Matrix } from '../matrix.js';
import type { FittedTransform, TransformJson } from './transformer.js';

type ChainJson = Extract<TransformJson, { kind: 'chain' }>;
export type TransformChain = FittedTransform<ChainJson> & { readonly steps: readonly FittedTransform[] };

/** Fit transforms in order, each on the output of the previous one (e.g. impute -> log1p -> standard). */
export function fitChain(x: Matrix, fitters: readonly ((x: Matrix) => FittedTransform)[]): TransformChain {
  const steps: FittedTransform[] = [];
  let current = x;
  for (const fitStep of fitters) {
    const step = fitStep(current);
    steps.push(step);
    current = step.transform(current);
  }
  return chainOf(steps);
}

/** Compose already fitted transforms. */
export function chainOf(steps: readonly FittedTransform[]): TransformChain {
  const frozen = Object.freeze([...steps]);
  return Object.freeze({
    kind: 'chain' as const,
    d: frozen[0]?.d ?? 0,
    steps: frozen,
    transform: (x: Matrix): Matrix => frozen.reduce((m, s) => s.transform(m), x),
    toJSON: (): ChainJson => ({ kind: 'chain', steps: frozen.map((s) => s.toJSON()) }),
  });
}
