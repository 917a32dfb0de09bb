import { fitBetaGeometric } from './fit-beta-geometric.js';
import type { RfmSummary } from './summary.js';
import type { FitOptions, FitResult, FittedBgNbd } from './types.js';

/**
 * Fits the BG/NBD model (Fader, Hardie & Lee 2005, "Counting your customers the easy way", eq. 6) by maximum
 * likelihood on log-parameters over the weighted distinct (x, tₓ, T) rows. Needs at least two distinct rows and
 * one repeat purchase; otherwise, or when the optimum is degenerate or not reached, returns `ok: false`.
 */
export const fitBgNbd = (data: RfmSummary, options: FitOptions = {}): FitResult<FittedBgNbd> =>
  fitBetaGeometric('bgnbd', data, options);
