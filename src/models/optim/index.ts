export { bfgs } from './bfgs.js';
export { cholesky, inverseFromCholesky } from './cholesky.js';
export { hessianFromGradient, numericalGradient, withNumericalGradient } from './finite-difference.js';
export { strongWolfeLineSearch } from './line-search.js';
export { type MultiStartOptions, type MultiStartResult, minimiseMultiStart } from './multi-start.js';
export { type NelderMeadOptions, nelderMead } from './nelder-mead.js';
export type { LocalOptions, LocalResult, Objective, StopReason } from './types.js';
