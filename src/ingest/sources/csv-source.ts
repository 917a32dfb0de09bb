import { basename } from 'node:path';
import { invalidInput } from '../../core/errors.js';
import { type CsvReadOptions, openCsv } from '../csv/index.js';
import type { RecordBatch, RecordSource } from '../source.js';
import { fileSha256 } from './file-hash.js';

const DELIMITER_NAME: Record<string, string> = {
  ',': "','",
  ';': "';'",
  '\t': 'tab',
  '|': "'|'",
  whitespace: 'whitespace',
};

/** A delimited text file (CSV, TSV, `;`-separated, whitespace-aligned; plain or gzip) as a record source. */
export async function openCsvRecordSource(path: string, options: CsvReadOptions): Promise<RecordSource> {
  const opened = await openCsv(path, options);
  if (!opened.ok) {
    const hint =
      opened.error.kind === 'not_found'
        ? 'check the path'
        : opened.error.kind === 'empty'
          ? 'export the data again'
          : undefined;
    throw invalidInput(`${basename(path)}: ${opened.error.message}`, hint);
  }
  const reader = opened.value;
  const hash = fileSha256(path);
  const iterator = reader.batches();
  const first = await iterator.next();
  const firstBatch: RecordBatch | undefined = first.done ? undefined : toBatch(first.value);
  const width = firstBatch?.fields[0]?.length ?? reader.header?.length ?? 0;
  const header = reader.header ?? Array.from({ length: width }, (_, i) => `column${i + 1}`);
  const d = reader.dialect;
  const description = [
    reader.compression ? 'gzip CSV' : 'CSV',
    `${DELIMITER_NAME[d.delimiter] ?? d.delimiter} separated`,
    d.encoding === 'utf-8' ? 'UTF-8' : 'Windows-1252/Latin-1',
    d.hasHeader ? 'header' : 'no header',
  ].join(', ');
  return {
    fileName: basename(path),
    format: 'csv',
    description,
    header,
    totalBytes: reader.totalBytes ?? 0,
    rawSeparator: d.delimiter === 'whitespace' ? ' ' : d.delimiter,
    positionName: 'line',
    async *batches() {
      if (firstBatch) yield firstBatch;
      for (;;) {
        const r = await iterator.next();
        if (r.done) break;
        yield toBatch(r.value);
      }
    },
    sha256: () => hash,
  };
}

function toBatch(b: {
  fields: string[][];
  lines: number[];
  errors: readonly { line: number; reason: string; raw?: string }[];
  bytesRead: number;
}): RecordBatch {
  return { fields: b.fields, lines: b.lines, errors: b.errors, bytesRead: b.bytesRead };
}
