import { createReadStream } from 'node:fs';
import { pipeline, Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { invalidInput } from '../../core/errors.js';

/** The bytes of a file, decompressed if needed, read lazily with back-pressure. */
export interface ByteSource {
  /** Decompressed bytes; iterate once. */
  readonly chunks: AsyncIterable<Uint8Array>;
  /** Bytes consumed from the underlying file or stream so far (compressed bytes for gzip): for progress bars. */
  bytesRead(): number;
  /** Size of the underlying file, when known. */
  readonly totalBytes: number | undefined;
  readonly compression: 'gzip' | null;
  /** Stops reading and releases the file; safe to call more than once. */
  close(): Promise<void>;
}

export const DEFAULT_CHUNK_BYTES = 256 * 1024;

/** Opens a file; gzip is recognised by its magic bytes (1f 8b), never by the file name. */
export async function openFileSource(
  path: string,
  options: { chunkBytes?: number; totalBytes?: number } = {},
): Promise<ByteSource> {
  const stream = createReadStream(path, { highWaterMark: options.chunkBytes ?? DEFAULT_CHUNK_BYTES });
  return sourceFromChunks(stream, { ...options, onClose: () => stream.destroy() });
}

/** Wraps any byte stream (an upload, a test's tiny chunks) in a ByteSource, gunzipping when it starts with 1f 8b. */
export async function sourceFromChunks(
  input: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  options: { chunkBytes?: number; totalBytes?: number; onClose?: () => void } = {},
): Promise<ByteSource> {
  let read = 0;
  const raw = (
    Symbol.asyncIterator in input ? input[Symbol.asyncIterator]() : toAsync(input[Symbol.iterator]())
  ) as AsyncIterator<Uint8Array>;
  // Peek at the first two bytes without losing them.
  const head: Uint8Array[] = [];
  let headBytes = 0;
  let rawDone = false;
  while (headBytes < 2) {
    const r = await raw.next();
    if (r.done) {
      rawDone = true;
      break;
    }
    head.push(r.value);
    headBytes += r.value.length;
    read += r.value.length;
  }
  const first = head.length === 1 ? head[0]! : Buffer.concat(head);
  const gzip = first.length >= 2 && first[0] === 0x1f && first[1] === 0x8b;
  async function* counted(): AsyncGenerator<Uint8Array> {
    if (first.length > 0) yield first;
    while (!rawDone) {
      const r = await raw.next();
      if (r.done) return;
      read += r.value.length;
      yield r.value;
    }
  }
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    options.onClose?.();
    await raw.return?.();
  };
  const chunks = gzip ? gunzipped(counted(), options.chunkBytes ?? DEFAULT_CHUNK_BYTES) : counted();
  return {
    chunks,
    bytesRead: () => read,
    totalBytes: options.totalBytes,
    compression: gzip ? 'gzip' : null,
    close,
  };
}

async function* gunzipped(input: AsyncIterable<Uint8Array>, chunkSize: number): AsyncGenerator<Uint8Array> {
  const gunzip = createGunzip({ chunkSize });
  const out = pipeline(Readable.from(input, { objectMode: false }), gunzip, () => {});
  try {
    for await (const chunk of out) yield chunk as Uint8Array;
  } catch (e) {
    throw invalidInput(
      `the file starts like gzip data but cannot be decompressed: ${(e as Error).message}`,
      'check that the download is complete, or decompress it yourself and import the plain file',
    );
  } finally {
    gunzip.destroy();
  }
}

async function* toAsync<T>(it: Iterator<T>): AsyncGenerator<T> {
  for (let r = it.next(); !r.done; r = it.next()) yield r.value;
}
