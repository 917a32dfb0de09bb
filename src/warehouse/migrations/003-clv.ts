import type { Migration } from '../migration.js';

/**
 * Fitted buy-till-you-die models (issue 4). Every fit made by `segmenta clv fit|evaluate|score` (and by `analyze`
 * through `scoreClv`) is kept with the as-of date and time unit it was fitted on, so any prediction can be traced
 * to its parameters and replayed: `model` is the full fitted model in the `segmenta.btyd-model` JSON format
 * (`modelFromJSON` reads it back); `params` and `log_likelihood` are copies for SQL; `diagnostics` holds the
 * optimiser diagnostics, the data counts and, for evaluations, the holdout metrics and the model choice.
 */
export const clv: Migration = {
  version: 3,
  name: 'fitted CLV models',
  statements: [
    `CREATE TABLE clv_models (
      model_id INTEGER PRIMARY KEY,
      kind VARCHAR NOT NULL,
      as_of DATE NOT NULL,
      unit VARCHAR NOT NULL,
      fitted_at TIMESTAMP NOT NULL,
      params JSON NOT NULL,
      log_likelihood DOUBLE NOT NULL,
      diagnostics JSON NOT NULL,
      model JSON NOT NULL
    )`,
  ],
};
