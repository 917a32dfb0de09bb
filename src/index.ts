/** Segmenta as a library: the same use cases the CLI and the API call. */
export { type App, type AppOptions, openApp } from './app.js';
export { SegmentaError } from './core/errors.js';
export { createRng, type Rng } from './core/rng.js';
export { generateDemoShop } from './demo/index.js';
export { ENTITIES, entityByName } from './ingest/entities/index.js';
export { type ImportOptions, importFile } from './ingest/import-file.js';
export { balances, formatImportReport, type ImportReport } from './ingest/import-report.js';
export { loadTables } from './ingest/load-tables.js';
export { formatQualityReport } from './ingest/quality/format.js';
export { type QualityReport, qualityReport } from './ingest/quality/report.js';
export * as sql from './sql/index.js';
export type { CellValue, ColumnTable } from './warehouse/column-table.js';
export { DuckDBWarehouse } from './warehouse/duckdb/duckdb-warehouse.js';
export { migrate } from './warehouse/migrate.js';
export type { Warehouse } from './warehouse/warehouse.js';
