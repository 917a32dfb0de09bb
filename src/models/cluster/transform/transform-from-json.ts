import { assertNever } from '../../../core/assert-never.js';
import { chainOf } from './chain.js';
import { imputerFromJson } from './impute.js';
import { log1pFromJson } from './log1p.js';
import { robustScalerFromJson } from './robust-scaler.js';
import { standardScalerFromJson } from './standard-scaler.js';
import type { FittedTransform, TransformJson } from './transformer.js';

/** Rebuild any fitted numeric transform from its JSON. */
export function transformFromJson(json: TransformJson): FittedTransform {
  switch (json.kind) {
    case 'log1p':
      return log1pFromJson(json);
    case 'standard':
      return standardScalerFromJson(json);
    case 'robust':
      return robustScalerFromJson(json);
    case 'impute':
      return imputerFromJson(json);
    case 'chain':
      return chainOf(json.steps.map(transformFromJson));
    default:
      return assertNever(json, 'transform kind');
  }
}
