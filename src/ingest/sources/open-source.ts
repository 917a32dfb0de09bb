import { extname } from 'node:path';
import { invalidInput } from '../../core/errors.js';
import {
  type CsvDelimiter,
  type CsvEncoding,
  parseDelimiterOption,
  parseEncodingOption,
} from '../csv/index.js';
import type { RecordSource } from '../source.js';
import { openCsvRecordSource } from './csv-source.js';
import { openJsonlSource } from './jsonl-source.js';
import { openParquetSource } from './parquet-source.js';

/** What a user may state about a file instead of letting it be detected. */
export interface OpenOptions {
  readonly delimiter?: string;
  readonly encoding?: string;
  /** false: the first line is data. */
  readonly header?: boolean;
}

/** Open a file by its kind: `.parquet`, `.jsonl`/`.ndjson`, anything else as delimited text (gzip detected). */
export async function openSource(path: string, options: OpenOptions = {}): Promise<RecordSource> {
  const ext = extname(path.replace(/\.gz$/i, '')).toLowerCase();
  if (ext === '.parquet') return openParquetSource(path);
  if (ext === '.jsonl' || ext === '.ndjson') return openJsonlSource(path);
  const overrides: { delimiter?: CsvDelimiter; encoding?: CsvEncoding; hasHeader?: boolean } = {};
  if (options.delimiter !== undefined) {
    const d = parseDelimiterOption(options.delimiter);
    if (!d.ok) throw invalidInput(`--delimiter ${options.delimiter}: ${d.error}`);
    overrides.delimiter = d.value;
  }
  if (options.encoding !== undefined) {
    const e = parseEncodingOption(options.encoding);
    if (!e.ok) throw invalidInput(`--encoding ${options.encoding}: ${e.error}`);
    overrides.encoding = e.value;
  }
  if (options.header === false) overrides.hasHeader = false;
  return openCsvRecordSource(path, overrides);
}
