/** Buy-till-you-die customer-value models: the public surface of src/models/clv. */
export { fitBgNbd } from './bgnbd.js';
export { type ClvOptions, customerLifetimeValue, customerLifetimeValueMany } from './clv.js';
export { conditionalExpectedAverageProfit, fitGammaGamma } from './gamma-gamma.js';
export {
  bootstrapIntervals,
  type CustomerIntervals,
  type Interval,
  type IntervalOptions,
} from './intervals.js';
export { fitMbgNbd } from './mbgnbd.js';
export { fitParetoNbd } from './pareto-nbd.js';
export {
  conditionalExpectedPurchases,
  conditionalExpectedPurchasesMany,
  expectedPurchases,
  medianTimeToNextPurchase,
  medianTimeToNextPurchaseMany,
  probabilityAlive,
  probabilityAliveMany,
  probabilityOfZeroPurchases,
  probabilityOfZeroPurchasesMany,
} from './predict.js';
export { type CustomerScores, type ScoreOptions, scoreCustomers } from './score.js';
export { MODEL_FORMAT, MODEL_FORMAT_VERSION, type ModelJson, modelFromJSON, toJSON } from './serialise.js';
export { type CohortOptions, simulateCustomers, simulateSpend } from './simulate.js';
export {
  type CustomerRfm,
  type InputIssue,
  type RfmSummary,
  type SpendSummary,
  summariseRfm,
  summariseSpend,
  weightedRfmSummary,
} from './summary.js';
export {
  type CalibrationOptions,
  type CustomerPeriods,
  calibrationSummary,
  type Transactions,
} from './transactions.js';
export * from './types.js';
