/** Point-in-time per-customer features (issue 3). */
export { type AsOf, asOfFromDay, asOfParams, DAY_MS, parseAsOf } from './as-of.js';
export { compileFeatures } from './compile-features.js';
export type { FeatureDef, FeatureType } from './feature.js';
export { FEATURES, type FeatureName } from './registry.js';
export { SOURCES, type SourceName } from './sources.js';
