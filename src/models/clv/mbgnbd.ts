import { fitBetaGeometric } from './fit-beta-geometric.js';
import type { RfmSummary } from './summary.js';
import type { FitOptions, FitResult, FittedMbgNbd } from './types.js';

/**
 * Fits the MBG/NBD model (Batislam, Denizel & Filiztekin 2007, with the erratum of Wagner & Hoppe 2008):
 * BG/NBD where customers may also drop out right after their first purchase. Same data rules and failure values
 * as `fitBgNbd`.
 */
export const fitMbgNbd = (data: RfmSummary, options: FitOptions = {}): FitResult<FittedMbgNbd> =>
  fitBetaGeometric('mbgnbd', data, options);
