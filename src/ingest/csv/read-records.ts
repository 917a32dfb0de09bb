import { invalidInput } from '../../core/errors.js';
import type { CsvDialect } from './dialect.js';
import { type CsvReadOptions, openCsv } from './open-csv.js';
import type { RecordBatch } from './record-batch.js';

/**
 * Streams the data records of a file in batches. A file that cannot be read at all (missing, empty, UTF-16,
 * unreadable header) throws a SegmentaError 'invalid_input'; use openCsv to get that as a value instead, and
 * for the header and dialect.
 */
export async function* readRecords(
  path: string,
  options: CsvReadOptions = {},
): AsyncGenerator<RecordBatch, void, undefined> {
  const opened = await openCsv(path, options);
  if (!opened.ok) throw invalidInput(`${path}: ${opened.error.message}`);
  yield* opened.value.batches();
}

/** The header row and dialect of a file, reading no further than needed. */
export async function readHeader(
  path: string,
  options: CsvReadOptions = {},
): Promise<{ header: readonly string[] | null; dialect: CsvDialect }> {
  const opened = await openCsv(path, options);
  if (!opened.ok) throw invalidInput(`${path}: ${opened.error.message}`);
  await opened.value.close();
  return { header: opened.value.header, dialect: opened.value.dialect };
}
