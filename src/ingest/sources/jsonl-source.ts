import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { invalidInput } from '../../core/errors.js';
import { openFileSource } from '../csv/byte-source.js';
import type { RecordBatch, RecordSource } from '../source.js';
import { fileSha256 } from './file-hash.js';

const fileSize = (path: string) => statSync(path).size;

const BATCH = 10_000;
const HEADER_SCAN = 10_000;

const cell = (v: unknown): string =>
  v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);

/** Lines of a (possibly gzip) file through the same byte source as CSV; `progress` tracks raw bytes read. */
async function* lines(path: string, progress: { bytesRead: number }) {
  const source = await openFileSource(path);
  try {
    let rest = '';
    const decoder = new TextDecoder('utf-8');
    for await (const chunk of source.chunks) {
      progress.bytesRead = source.bytesRead();
      const text = rest + decoder.decode(chunk, { stream: true });
      const parts = text.split('\n');
      rest = parts.pop() ?? '';
      for (const p of parts) yield p;
    }
    rest += decoder.decode();
    if (rest.length > 0) yield rest;
  } finally {
    await source.close();
  }
}

/**
 * JSON Lines: one object per line. The columns are the union of the keys of the first 10,000 objects (nested
 * values are kept as JSON text); a line that is not a JSON object is quarantined with its line number.
 */
export async function openJsonlSource(path: string): Promise<RecordSource> {
  const keys: string[] = [];
  const seen = new Set<string>();
  let n = 0;
  for await (const l of lines(path, { bytesRead: 0 })) {
    if (l.trim() === '') continue;
    try {
      const o = JSON.parse(l) as unknown;
      if (o && typeof o === 'object' && !Array.isArray(o)) {
        for (const k of Object.keys(o)) {
          if (!seen.has(k)) {
            seen.add(k);
            keys.push(k);
          }
        }
      }
    } catch {
      // reported when the records are read
    }
    if (++n >= HEADER_SCAN) break;
  }
  if (n === 0) throw invalidInput(`${basename(path)} is empty: nothing to import`);
  if (keys.length === 0)
    throw invalidInput(
      `${basename(path)} has no JSON objects in its first lines`,
      'each line must be one JSON object such as {"customer_id": "42", "type": "page_view"}',
    );
  const progress = { bytesRead: 0 };
  return {
    fileName: basename(path),
    format: 'jsonl',
    description: 'JSON Lines',
    header: keys,
    totalBytes: fileSize(path),
    rawSeparator: ' | ',
    positionName: 'line',
    async *batches(): AsyncGenerator<RecordBatch> {
      let fields: string[][] = [];
      let at: number[] = [];
      let errors: { line: number; reason: string; raw?: string }[] = [];
      let line = 0;
      for await (const l of lines(path, progress)) {
        line++;
        if (l.trim() === '') continue;
        let o: unknown;
        try {
          o = JSON.parse(l);
        } catch (e) {
          errors.push({ line, reason: `not valid JSON: ${(e as Error).message}`, raw: l.slice(0, 500) });
          continue;
        }
        if (!o || typeof o !== 'object' || Array.isArray(o)) {
          errors.push({ line, reason: 'not a JSON object (each line must be {...})', raw: l.slice(0, 500) });
          continue;
        }
        const rec = o as Record<string, unknown>;
        const unknownKeys = Object.keys(rec).filter((k) => !seen.has(k));
        if (unknownKeys.length > 0) {
          errors.push({
            line,
            reason: `keys not seen in the first ${HEADER_SCAN} lines: ${unknownKeys.join(', ')}`,
            raw: l.slice(0, 500),
          });
          continue;
        }
        fields.push(keys.map((k) => cell(rec[k])));
        at.push(line);
        if (fields.length >= BATCH) {
          yield { fields, lines: at, errors, bytesRead: progress.bytesRead };
          fields = [];
          at = [];
          errors = [];
        }
      }
      yield { fields, lines: at, errors, bytesRead: progress.bytesRead };
    },
    sha256: () => fileSha256(path),
  };
}
