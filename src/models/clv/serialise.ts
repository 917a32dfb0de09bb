import { z } from 'zod';
import { err, ok, type Result } from '../../core/result.js';
import { deepFreeze } from './fitted.js';
import { type FittedModel, type ModelKind, PARAM_NAMES } from './types.js';

export const MODEL_FORMAT = 'segmenta.btyd-model';
export const MODEL_FORMAT_VERSION = 1;

const positive = z.number().positive().finite();
const diagnostics = z.object({
  converged: z.boolean(),
  stop: z.string(),
  iterations: z.number().int().nonnegative(),
  evaluations: z.number().int().nonnegative(),
  gradientNorm: z.number().nonnegative(),
  starts: z.number().int().nonnegative(),
  startsConverged: z.number().int().nonnegative(),
  startsAgreeing: z.number().int().nonnegative(),
  usedFallback: z.boolean(),
  hessianPositiveDefinite: z.boolean(),
});

function schemaFor(kind: ModelKind) {
  const names = PARAM_NAMES[kind];
  const params = z
    .object(Object.fromEntries(names.map((n) => [n, positive])) as Record<string, typeof positive>)
    .strict();
  const n = names.length;
  const base = {
    format: z.literal(MODEL_FORMAT),
    version: z.literal(MODEL_FORMAT_VERSION),
    kind: z.literal(kind),
    params,
    logLikelihood: z.number().finite(),
    standardErrors: z
      .object(Object.fromEntries(names.map((k) => [k, z.number().nonnegative().finite()])))
      .strict()
      .nullable(),
    covariance: z.array(z.array(z.number().finite()).length(n)).length(n).nullable(),
    nObs: z.number().nonnegative().finite(),
    nRows: z.number().int().nonnegative(),
    penalizer: z.number().nonnegative().finite(),
    diagnostics,
  };
  return kind === 'gammagamma'
    ? z
        .object({
          ...base,
          excluded: z.object({
            noRepeat: z.number().int().nonnegative(),
            nonPositiveSpend: z.number().int().nonnegative(),
          }),
        })
        .strict()
    : z.object(base).strict();
}

const SCHEMAS = {
  bgnbd: schemaFor('bgnbd'),
  mbgnbd: schemaFor('mbgnbd'),
  paretonbd: schemaFor('paretonbd'),
  gammagamma: schemaFor('gammagamma'),
};

export type ModelJson = {
  readonly format: typeof MODEL_FORMAT;
  readonly version: typeof MODEL_FORMAT_VERSION;
} & FittedModel;

/** A fitted model as a plain JSON-ready object (format tag and version first). */
export function toJSON(model: FittedModel): ModelJson {
  return { format: MODEL_FORMAT, version: MODEL_FORMAT_VERSION, ...structuredClone(model) } as ModelJson;
}

/**
 * Reads a model written by {@link toJSON} (parsed JSON or a JSON string), validating the format, the kind, that
 * every parameter is a positive finite number and the covariance shape. Returns a frozen fitted model.
 */
export function modelFromJSON(input: unknown): Result<FittedModel, string> {
  let json = input;
  if (typeof input === 'string') {
    try {
      json = JSON.parse(input);
    } catch (e) {
      return err(`model JSON does not parse: ${(e as Error).message}`);
    }
  }
  if (typeof json !== 'object' || json === null) return err('model JSON: expected an object');
  const kind = (json as { kind?: unknown }).kind;
  if (typeof kind !== 'string' || !(kind in SCHEMAS))
    return err(
      `model JSON: unknown kind ${JSON.stringify(kind)} (expected one of ${Object.keys(SCHEMAS).join(', ')})`,
    );
  const parsed = SCHEMAS[kind as ModelKind].safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return err(`model JSON: ${first ? `${first.path.join('.') || '(root)'}: ${first.message}` : 'invalid'}`);
  }
  const { format: _f, version: _v, ...model } = parsed.data as Record<string, unknown>;
  return ok(deepFreeze(model) as unknown as FittedModel);
}
