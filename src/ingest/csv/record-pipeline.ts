import { createTokenizer } from './create-tokenizer.js';
import { type ChunkDecoder, createChunkDecoder } from './decode.js';
import type { CsvDialect } from './dialect.js';
import { invalidUtf8 } from './record-error.js';
import { newSink, type RecordTokenizer, type TokenizerOptions, type TokenSink } from './tokenizer.js';
import { INVALID_MARK } from './utf8.js';

/**
 * Bytes in, records out: strips a UTF-8 BOM, decodes, tokenizes, and turns records that contained invalid UTF-8
 * into RecordErrors. Records accumulate in `out` until taken.
 */
export class RecordPipeline {
  private readonly decoder: ChunkDecoder;
  private readonly tokenizer: RecordTokenizer;
  private out: TokenSink = newSink();
  /** Leading bytes held until we know whether they are a BOM. */
  private head: Uint8Array | null = new Uint8Array(0);
  /** The tokenizer holds back text that contains an invalid-byte mark. */
  private markPending = false;

  private readonly rawSeparator: string;

  constructor(dialect: CsvDialect, options: TokenizerOptions = {}) {
    this.rawSeparator = dialect.delimiter === 'whitespace' ? ' ' : dialect.delimiter;
    this.decoder = createChunkDecoder(dialect.encoding);
    this.tokenizer = createTokenizer(dialect, options);
  }

  /** Records plus errors waiting to be taken. */
  get size(): number {
    return this.out.fields.length + this.out.errors.length;
  }

  write(bytes: Uint8Array): void {
    if (this.head !== null) {
      const head = this.head.length === 0 ? bytes : Buffer.concat([this.head, bytes]);
      if (head.length < 3) {
        this.head = head;
        return;
      }
      this.head = null;
      bytes = startsWithBom(head) ? head.subarray(3) : head;
    }
    this.feed(this.decoder.write(bytes), false);
  }

  end(): void {
    if (this.head !== null) {
      const head = this.head;
      this.head = null;
      if (head.length > 0) this.feed(this.decoder.write(head), false);
    }
    this.feed(this.decoder.end(), true);
  }

  /** Hands over up to `limit` records (and the errors among them) tokenized so far. */
  take(limit = Number.POSITIVE_INFINITY): TokenSink {
    const out = this.out;
    if (out.fields.length <= limit) {
      this.out = newSink();
      return out;
    }
    const fields = out.fields.splice(0, limit);
    const lines = out.lines.splice(0, limit);
    const last = lines[lines.length - 1]!;
    const cut = out.errors.findIndex((e) => e.line > last);
    const errors = out.errors.splice(0, cut === -1 ? out.errors.length : cut);
    return { fields, lines, errors };
  }

  /** Removes and returns the first record, or the first error if it comes before any record. */
  shift(): { fields: string[]; line: number } | { error: TokenSink['errors'][number] } | null {
    const { fields, lines, errors } = this.out;
    const firstError = errors[0];
    if (firstError !== undefined && (lines.length === 0 || firstError.line <= lines[0]!)) {
      errors.shift();
      return { error: firstError };
    }
    if (fields.length === 0) return null;
    return { fields: fields.shift()!, line: lines.shift()! };
  }

  private feed(text: string, eof: boolean): void {
    const from = this.out.fields.length;
    const check = this.markPending || this.decoder.lastHadInvalid;
    if (text.length > 0) this.tokenizer.push(text, this.out);
    if (eof) this.tokenizer.end(this.out);
    if (check) this.rejectMarked(from);
    this.markPending = !eof && this.tokenizer.pending.includes(INVALID_MARK);
  }

  private rejectMarked(from: number): void {
    const { fields, lines, errors } = this.out;
    let kept = from;
    let rejected = false;
    for (let i = from; i < fields.length; i++) {
      const record = fields[i]!;
      if (record.some((f) => f.includes(INVALID_MARK))) {
        const raw = record.join(this.rawSeparator).replaceAll(INVALID_MARK, '\uFFFD');
        errors.push(invalidUtf8(lines[i]!, raw));
        rejected = true;
        continue;
      }
      fields[kept] = record;
      lines[kept] = lines[i]!;
      kept++;
    }
    fields.length = kept;
    lines.length = kept;
    if (rejected) errors.sort((a, b) => a.line - b.line);
  }
}

const startsWithBom = (b: Uint8Array): boolean => b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
