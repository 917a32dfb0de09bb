import { stat } from 'node:fs/promises';
import { err, ok, type Result } from '../../core/result.js';
import { type ByteSource, openFileSource } from './byte-source.js';
import type { CsvDialect, DialectOverrides } from './dialect.js';
import { type CsvFileError, emptyFile, notAFile, unreadableHeader, utf16File } from './file-error.js';
import type { RecordBatch } from './record-batch.js';
import { RecordPipeline } from './record-pipeline.js';
import { sniffDialect } from './sniff.js';

export interface CsvReadOptions extends DialectOverrides {
  /** Records per batch (the last one may be smaller). Default 10,000. */
  readonly batchSize?: number;
  /** See TokenizerOptions.maxRecordChars. Default 1 Mi characters. */
  readonly maxRecordChars?: number;
  /** Bytes (after gunzip) used to sniff the dialect. Default 64 KiB. */
  readonly sampleBytes?: number;
  /** Read size. Default 256 KiB. */
  readonly chunkBytes?: number;
}

/** An opened delimited text file: its dialect and header are known, its records stream in batches. */
export interface CsvReader {
  readonly dialect: CsvDialect;
  /** Null when the file has no header row. */
  readonly header: readonly string[] | null;
  readonly headerLine: number | null;
  readonly compression: 'gzip' | null;
  readonly totalBytes: number | undefined;
  /** The data records, about `batchSize` at a time; callable once. Memory stays bounded by one batch. */
  batches(): AsyncGenerator<RecordBatch, void, undefined>;
  /** Releases the file early (batches() releases it when it finishes or is abandoned). */
  close(): Promise<void>;
}

const DEFAULT_BATCH_SIZE = 10_000;
const DEFAULT_SAMPLE_BYTES = 64 * 1024;

/** Opens a delimited text file (plain or gzip), sniffs its dialect and reads its header. */
export async function openCsv(
  path: string,
  options: CsvReadOptions = {},
): Promise<Result<CsvReader, CsvFileError>> {
  let size: number;
  try {
    const s = await stat(path);
    if (!s.isFile()) return err(notAFile(path));
    size = s.size;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return err(notAFile(path));
    throw e;
  }
  const source = await openFileSource(path, { chunkBytes: options.chunkBytes, totalBytes: size });
  return openCsvSource(source, options);
}

/** Same as openCsv for any byte source (an upload, a test's chunks). */
export async function openCsvSource(
  source: ByteSource,
  options: CsvReadOptions = {},
): Promise<Result<CsvReader, CsvFileError>> {
  const chunks = source.chunks[Symbol.asyncIterator]();
  let done = false;
  const parts: Uint8Array[] = [];
  let sampled = 0;
  const sampleBytes = options.sampleBytes ?? DEFAULT_SAMPLE_BYTES;
  while (sampled < sampleBytes) {
    const r = await chunks.next();
    if (r.done) {
      done = true;
      break;
    }
    parts.push(r.value);
    sampled += r.value.length;
  }
  const sample = Buffer.concat(parts);
  const fail = async (e: CsvFileError) => {
    await source.close();
    return err(e);
  };
  if (sample.length === 0) return fail(emptyFile(false));
  if ((sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff)) {
    return fail(utf16File());
  }

  const dialect = sniffDialect(sample, options, { complete: done });
  const pipeline = new RecordPipeline(dialect, { maxRecordChars: options.maxRecordChars });
  const pull = async (): Promise<void> => {
    const r = await chunks.next();
    if (r.done) {
      done = true;
      pipeline.end();
    } else pipeline.write(r.value);
  };
  pipeline.write(sample);
  if (done) pipeline.end();
  while (!done && pipeline.size === 0) await pull();
  if (done && pipeline.size === 0) return fail(emptyFile(true));

  let header: string[] | null = null;
  let headerLine: number | null = null;
  if (dialect.hasHeader) {
    const first = pipeline.shift();
    if (first !== null && 'error' in first)
      return fail(unreadableHeader(first.error.line, first.error.reason));
    if (first !== null) {
      header = first.fields;
      headerLine = first.line;
    }
  }

  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  let started = false;
  async function* batches(): AsyncGenerator<RecordBatch, void, undefined> {
    if (started) throw new Error('CsvReader.batches() can only be iterated once');
    started = true;
    try {
      for (;;) {
        if (pipeline.size >= batchSize || (done && pipeline.size > 0)) {
          const { fields, lines, errors } = pipeline.take(batchSize);
          yield { fields, lines, errors, bytesRead: source.bytesRead(), totalBytes: source.totalBytes };
          continue;
        }
        if (done) return;
        await pull();
      }
    } finally {
      await source.close();
    }
  }
  return ok({
    dialect,
    header,
    headerLine,
    compression: source.compression,
    totalBytes: source.totalBytes,
    batches,
    close: source.close,
  });
}
