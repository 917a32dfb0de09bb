export { nearestCenters } from './assign.js';
export { type ChooseKOptions, type ChooseKResult, type ChooseKRow, chooseK } from './choose-k.js';
export {
  type Distinguishing,
  type FeatureWords,
  type NameOptions,
  nameCluster,
  uniqueNames,
  type Vocabulary,
} from './cluster-name.js';
export {
  type ClusterModelKind,
  compareClusterModels,
  kmeansBic,
  type ModelComparison,
  type ModelComparisonRow,
} from './compare-models.js';
export {
  type CovarianceType,
  fitGaussianMixture,
  type GaussianMixtureFit,
  type GaussianMixtureJson,
  type GaussianMixtureModel,
  type GaussianMixtureOptions,
  gaussianMixtureFromJson,
  mixtureParameters,
} from './gaussian-mixture.js';
export {
  fitKMeans,
  type KMeansFit,
  type KMeansJson,
  type KMeansModel,
  type KMeansOptions,
  type KMeansRestart,
  kmeansFromJson,
} from './kmeans.js';
export {
  fitKPrototypes,
  type KPrototypesFit,
  type KPrototypesJson,
  type KPrototypesModel,
  type KPrototypesOptions,
  kprototypesFromJson,
} from './kprototypes.js';
export { clusterCount, clusterSizes, type EncodedLabels, encodeLabels } from './labels.js';
export {
  assertFinite,
  column,
  columnMeans,
  columnVariances,
  createMatrix,
  hstack,
  type Matrix,
  matrixFromRows,
  matrixToRows,
  selectColumns,
  takeRows,
} from './matrix.js';
export { adjustedRandIndex, contingency } from './metrics/adjusted-rand.js';
export { calinskiHarabasz } from './metrics/calinski-harabasz.js';
export { clusterMeans } from './metrics/cluster-means.js';
export { daviesBouldin } from './metrics/davies-bouldin.js';
export {
  type SilhouetteOptions,
  silhouetteByCluster,
  silhouetteSamples,
  silhouetteScore,
} from './metrics/silhouette.js';
export { withinClusterSS } from './metrics/within-cluster-ss.js';
export { fitMiniBatchKMeans, type MiniBatchKMeansOptions } from './minibatch-kmeans.js';
export { fitPca, type PcaJson, type PcaModel, pcaFromJson } from './pca.js';
export {
  type ClusterProfile,
  type FeatureDifference,
  type ProfileOptions,
  profileClusters,
} from './profile.js';
export { sampleWithoutReplacement, sampleWithReplacement } from './sample.js';
export { type BlobOptions, makeBlobs } from './synthetic.js';
export { chainOf, fitChain, type TransformChain } from './transform/chain.js';
export { fitImputer, type Imputer, imputerFromJson } from './transform/impute.js';
export { fitLog1p, type Log1pTransform, log1pFromJson } from './transform/log1p.js';
export {
  type CategoricalColumns,
  fitOneHot,
  type OneHotEncoder,
  type OneHotJson,
  oneHotFromJson,
} from './transform/one-hot.js';
export { fitRobustScaler, type RobustScaler, robustScalerFromJson } from './transform/robust-scaler.js';
export {
  fitStandardScaler,
  type StandardScaler,
  standardScalerFromJson,
} from './transform/standard-scaler.js';
export { transformFromJson } from './transform/transform-from-json.js';
export type { FittedTransform, ImputeStrategy, TransformJson } from './transform/transformer.js';
