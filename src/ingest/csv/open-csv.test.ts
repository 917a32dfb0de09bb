import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { SegmentaError } from '../../core/errors.js';
import { sourceFromChunks } from './byte-source.js';
import { type CsvReader, type CsvReadOptions, openCsv, openCsvSource } from './open-csv.js';
import { readHeader, readRecords } from './read-records.js';
import type { RecordBatch } from './record-batch.js';

/** Feeds `bytes` in chunks of `size` bytes (1 = every byte boundary). */
function chunked(bytes: Uint8Array, size: number): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return chunks;
}

async function open(bytes: Uint8Array, size = 1, options: CsvReadOptions = {}) {
  return openCsvSource(await sourceFromChunks(chunked(bytes, size), { totalBytes: bytes.length }), options);
}

async function drain(
  reader: CsvReader,
): Promise<{ batches: RecordBatch[]; fields: string[][]; lines: number[] }> {
  const batches: RecordBatch[] = [];
  for await (const b of reader.batches()) batches.push(b);
  return { batches, fields: batches.flatMap((b) => b.fields), lines: batches.flatMap((b) => b.lines) };
}

const ok = <T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.error)}`);
  return r.value;
};

describe('openCsvSource', () => {
  const text = 'id;nombre;importe\r\n1;Peña;"12,50"\r\n\r\n2;"García\r\nLópez";7\r\n3;Ñu;1';

  it('reads header and records the same way at every chunk size, even one byte', async () => {
    const bytes = Buffer.from(text);
    for (const size of [1, 2, 3, 7, 64, 1 << 16]) {
      const reader = ok(await open(bytes, size));
      expect(reader.dialect).toMatchObject({
        delimiter: ';',
        encoding: 'utf-8',
        hasHeader: true,
        lineEnding: 'crlf',
      });
      expect(reader.header).toEqual(['id', 'nombre', 'importe']);
      expect(reader.headerLine).toBe(1);
      const { fields, lines } = await drain(reader);
      expect(fields).toEqual([
        ['1', 'Peña', '12,50'],
        ['2', 'García\r\nLópez', '7'],
        ['3', 'Ñu', '1'],
      ]);
      expect(lines).toEqual([2, 4, 6]);
    }
  });

  it('strips a UTF-8 BOM even when it arrives one byte at a time', async () => {
    const reader = ok(
      await open(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('id,name\n1,Ana\n')])),
    );
    expect(reader.dialect.bom).toBe(true);
    expect(reader.header).toEqual(['id', 'name']);
    expect((await drain(reader)).fields).toEqual([['1', 'Ana']]);
  });

  it('recognises gzip by its magic bytes', async () => {
    const reader = ok(await open(gzipSync(Buffer.from(text)), 5));
    expect(reader.compression).toBe('gzip');
    expect((await drain(reader)).fields).toHaveLength(3);
  });

  it('fails with an invalid-input error on truncated gzip data', async () => {
    const gz = gzipSync(Buffer.from('a,b\n'.repeat(50_000)));
    const reader = ok(await open(gz.subarray(0, gz.length - 100), 4096, { sampleBytes: 1024 }));
    await expect(drain(reader)).rejects.toThrow(/starts like gzip data but cannot be decompressed/);
  });

  it('decodes a windows-1252 file', async () => {
    const reader = ok(await open(Buffer.from('nombre;ciudad\nPeña;Cádiz\nGarcía;León\n', 'latin1')));
    expect(reader.dialect.encoding).toBe('windows-1252');
    expect((await drain(reader)).fields).toEqual([
      ['Peña', 'Cádiz'],
      ['García', 'León'],
    ]);
  });

  it('reports a record with invalid UTF-8 and keeps the others', async () => {
    const bytes = Buffer.concat([
      Buffer.from('id,name\n1,Ana\n2,Pe'),
      Buffer.from([0xf1]),
      Buffer.from('a\n3,"Luis"\n'),
    ]);
    for (const size of [1, 4, 1000]) {
      const reader = ok(await open(bytes, size, { encoding: 'utf-8' }));
      const { batches, fields, lines } = await drain(reader);
      expect(fields).toEqual([
        ['1', 'Ana'],
        ['3', 'Luis'],
      ]);
      expect(lines).toEqual([2, 4]);
      expect(batches.flatMap((b) => b.errors)).toEqual([
        {
          kind: 'invalid_utf8',
          line: 3,
          reason:
            'invalid UTF-8 byte sequence; re-run with --encoding latin1 if the file is a Windows/Excel export',
          raw: '2,Pe\uFFFDa',
        },
      ]);
    }
  });

  it('reports an unclosed quote with its line and imports the rows after it', async () => {
    const reader = ok(await open(Buffer.from('id,name,qty\n1,"Ana,3\n2,Luis,4\n3,Eva,5\n'), 3));
    const { batches, fields } = await drain(reader);
    expect(batches.flatMap((b) => b.errors).map((e) => [e.line, e.reason])).toEqual([
      [2, 'unclosed quote starting on line 2'],
    ]);
    expect(fields).toEqual([
      ['2', 'Luis', '4'],
      ['3', 'Eva', '5'],
    ]);
  });

  it('returns header-only files with no records', async () => {
    const reader = ok(await open(Buffer.from('id,name\r\n')));
    expect(reader.header).toEqual(['id', 'name']);
    expect((await drain(reader)).batches).toEqual([]);
  });

  it('gives numbered lines when there is no header', async () => {
    const reader = ok(await open(Buffer.from('1,2\n3,4\n'), 1, { hasHeader: false }));
    expect(reader.header).toBeNull();
    expect(await drain(reader)).toMatchObject({
      fields: [
        ['1', '2'],
        ['3', '4'],
      ],
      lines: [1, 2],
    });
  });

  it('fails with a typed error for empty, blank-only and UTF-16 files', async () => {
    expect(await open(Buffer.alloc(0))).toEqual({
      ok: false,
      error: { kind: 'empty', message: 'the file is empty' },
    });
    expect(await open(Buffer.from('\r\n\n  \n'))).toEqual({
      ok: false,
      error: { kind: 'empty', message: 'the file is empty (it contains only blank lines)' },
    });
    expect(await open(Buffer.from([0xef, 0xbb, 0xbf]))).toMatchObject({
      ok: false,
      error: { kind: 'empty' },
    });
    const utf16 = await open(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('id,name\n', 'utf16le')]));
    expect(utf16).toMatchObject({ ok: false, error: { kind: 'unsupported_encoding' } });
  });

  it('refuses a header it cannot read', async () => {
    const r = await open(
      Buffer.concat([Buffer.from('id,na'), Buffer.from([0xff]), Buffer.from('me\n1,2\n')]),
      1,
      {
        encoding: 'utf-8',
      },
    );
    expect(r).toMatchObject({ ok: false, error: { kind: 'unreadable_header' } });
    if (!r.ok) expect(r.error.message).toMatch(/^the header row \(line 1\) cannot be read: invalid UTF-8/);
  });

  it('yields batches of batchSize records with progress', async () => {
    const rows = Array.from({ length: 2500 }, (_, i) => `${i},name${i}`).join('\n');
    const bytes = Buffer.from(`id,name\n${rows}\n`);
    const reader = ok(await open(bytes, 4096, { batchSize: 1000, sampleBytes: 4096 }));
    const { batches, fields } = await drain(reader);
    expect(fields).toHaveLength(2500);
    expect(batches.map((b) => b.fields.length)).toEqual([1000, 1000, 500]);
    expect(batches.at(-1)).toMatchObject({ bytesRead: bytes.length, totalBytes: bytes.length });
    expect(batches[0]!.bytesRead).toBeLessThan(bytes.length);
  });

  it('can only be iterated once', async () => {
    const reader = ok(await open(Buffer.from('a,b\n1,2\n')));
    await drain(reader);
    await expect(reader.batches().next()).rejects.toThrow(/only be iterated once/);
  });
});

describe('openCsv, readRecords and readHeader on files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'segmenta-csv-'));
  const file = (name: string, content: string | Buffer) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a gzip file whatever its name says', async () => {
    const path = file('data.csv', gzipSync(Buffer.from('a,b\n1,2\n3,4\n')));
    const batches: RecordBatch[] = [];
    for await (const b of readRecords(path)) batches.push(b);
    expect(batches.flatMap((b) => b.fields)).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(await readHeader(path)).toMatchObject({ header: ['a', 'b'], dialect: { delimiter: ',' } });
  });

  it('returns not_found and empty as values, and readRecords throws them as invalid input', async () => {
    expect(await openCsv(join(dir, 'missing.csv'))).toMatchObject({
      ok: false,
      error: { kind: 'not_found' },
    });
    const empty = file('empty.csv', '');
    expect(await openCsv(empty)).toMatchObject({
      ok: false,
      error: { kind: 'empty', message: 'the file is empty' },
    });
    const it = readRecords(empty);
    await expect(it.next()).rejects.toThrow(SegmentaError);
    await expect(readRecords(empty).next()).rejects.toThrow(/the file is empty/);
  });
});
