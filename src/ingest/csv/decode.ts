import { TextDecoder } from 'node:util';
import type { CsvEncoding } from './dialect.js';
import { decodeMarkingInvalid, incompleteTailLength } from './utf8.js';
import { decodeWindows1252 } from './windows-1252.js';

/** Turns byte chunks into text chunks; a character split across chunks is carried over, never mangled. */
export interface ChunkDecoder {
  write(bytes: Uint8Array): string;
  /** Flushes a trailing incomplete character (as an invalid mark in UTF-8). */
  end(): string;
  /** Whether the text returned by the last write/end call contains INVALID_MARK. */
  readonly lastHadInvalid: boolean;
}

export function createChunkDecoder(encoding: CsvEncoding): ChunkDecoder {
  return encoding === 'utf-8' ? new Utf8Decoder() : new Windows1252Decoder();
}

class Utf8Decoder implements ChunkDecoder {
  // Strict decoding is the fast path (native, validating); the fallback only runs on chunks with bad bytes.
  private readonly strict = new TextDecoder('utf-8', { fatal: true });
  private carry: Uint8Array = new Uint8Array(0);
  lastHadInvalid = false;

  write(chunk: Uint8Array): string {
    const bytes = this.carry.length === 0 ? chunk : Buffer.concat([this.carry, chunk]);
    const tail = incompleteTailLength(bytes);
    this.carry = tail === 0 ? new Uint8Array(0) : bytes.slice(bytes.length - tail);
    return this.decode(bytes.subarray(0, bytes.length - tail));
  }

  end(): string {
    const rest = this.carry;
    this.carry = new Uint8Array(0);
    return this.decode(rest);
  }

  private decode(bytes: Uint8Array): string {
    this.lastHadInvalid = false;
    if (bytes.length === 0) return '';
    try {
      return this.strict.decode(bytes);
    } catch {
      const { text, invalid } = decodeMarkingInvalid(bytes);
      this.lastHadInvalid = invalid > 0;
      return text;
    }
  }
}

class Windows1252Decoder implements ChunkDecoder {
  readonly lastHadInvalid = false;

  write(chunk: Uint8Array): string {
    return decodeWindows1252(chunk);
  }

  end(): string {
    return '';
  }
}
