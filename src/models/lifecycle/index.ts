/** Lifecycle phases and stages by ordered, configurable rules over features (issue 3). */
export {
  conditionExpr,
  type LifecycleSource,
  lifecycleInputsQuery,
  lifecycleQuery,
} from './compile-rules.js';
export { DEFAULT_LIFECYCLE_RULES } from './default-rules.js';
export { evaluateLifecycle, holds, type LifecycleInputRow, type LifecycleVerdict } from './evaluate.js';
export { availableInputs, type InputContext, LIFECYCLE_INPUTS, PREDICTION_INPUTS } from './inputs.js';
export {
  type Comparison,
  type Condition,
  type LifecycleRule,
  type LifecycleRuleSet,
  type Operand,
  resolveRuleSet,
} from './rules.js';
export { PHASES, type Phase, phaseOf, STAGE_IDS, STAGES, type Stage } from './stages.js';
