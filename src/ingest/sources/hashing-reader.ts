import type { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { createGunzip } from 'node:zlib';

/** Is this file gzip-compressed? (By its magic bytes, not its name.) */
export async function isGzip(path: string): Promise<boolean> {
  const { open } = await import('node:fs/promises');
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(2);
    const { bytesRead } = await fh.read(buf, 0, 2, 0);
    return bytesRead === 2 && buf[0] === 0x1f && buf[1] === 0x8b;
  } finally {
    await fh.close();
  }
}

/**
 * Stream a file's (decompressed) bytes while hashing the raw bytes and counting progress in raw bytes, so a
 * gzip file's progress bar tracks the compressed size on disk.
 */
export async function* readBytes(
  path: string,
  hash: ReturnType<typeof createHash>,
  progress: { bytesRead: number },
): AsyncGenerator<Buffer> {
  const gz = await isGzip(path);
  const raw = createReadStream(path, { highWaterMark: 1 << 20 });
  raw.on('data', (b) => {
    hash.update(b as Buffer);
    progress.bytesRead += (b as Buffer).length;
  });
  const stream = gz ? raw.pipe(createGunzip()) : raw;
  for await (const chunk of stream) yield chunk as Buffer;
}

export const fileSize = (path: string) => statSync(path).size;
