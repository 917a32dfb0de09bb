import { recordTooLong } from './record-error.js';
import {
  DEFAULT_MAX_RECORD_CHARS,
  type RecordTokenizer,
  type TokenizerOptions,
  type TokenSink,
} from './tokenizer.js';

const SPACE = 32;
const TAB = 9;
const CR = 13;

/**
 * Whitespace-aligned text (e.g. the CDNOW exports): fields are separated by runs of spaces or tabs, leading and
 * trailing whitespace is ignored, there is no quoting, and lines with no fields are skipped.
 */
export class WhitespaceTokenizer implements RecordTokenizer {
  private readonly maxChars: number;
  private carry = '';
  private line: number;
  private skipping = false;

  constructor(options: TokenizerOptions = {}) {
    this.maxChars = options.maxRecordChars ?? DEFAULT_MAX_RECORD_CHARS;
    this.line = options.firstLine ?? 1;
  }

  get pending(): string {
    return this.carry;
  }

  push(text: string, out: TokenSink): void {
    const nl = this.carry.length === 0 ? -1 : text.indexOf('\n');
    if (this.carry.length === 0) this.run(text, 0, false, out);
    else if (nl === -1) this.run(this.carry + text, 0, false, out);
    else {
      // Complete the held-back line on its own, so the big chunk is not copied into carry + text.
      this.run(this.carry + text.slice(0, nl + 1), 0, false, out);
      this.run(text, nl + 1, false, out);
    }
  }

  end(out: TokenSink): void {
    this.run(this.carry, 0, true, out);
    this.carry = '';
  }

  private run(buf: string, from: number, eof: boolean, out: TokenSink): void {
    const len = buf.length;
    let pos = from;
    while (pos < len) {
      let nl = buf.indexOf('\n', pos);
      if (nl === -1) {
        if (!eof) break;
        nl = len;
      }
      if (this.skipping) {
        this.skipping = false;
      } else if (nl - pos > this.maxChars) {
        out.errors.push(recordTooLong(this.line, this.maxChars, buf.slice(pos, pos + this.maxChars)));
      } else {
        const fields: string[] = [];
        let i = pos;
        while (i < nl) {
          const c = buf.charCodeAt(i);
          if (c === SPACE || c === TAB || c === CR) {
            i++;
            continue;
          }
          let j = i + 1;
          while (j < nl) {
            const k = buf.charCodeAt(j);
            if (k === SPACE || k === TAB || k === CR) break;
            j++;
          }
          fields.push(buf.slice(i, j));
          i = j;
        }
        if (fields.length > 0) {
          out.fields.push(fields);
          out.lines.push(this.line);
        }
      }
      pos = nl + 1;
      this.line++;
    }
    this.carry = pos >= len ? '' : buf.slice(pos);
    if (this.carry.length > this.maxChars) {
      if (!this.skipping) {
        out.errors.push(recordTooLong(this.line, this.maxChars, this.carry.slice(0, this.maxChars)));
      }
      this.carry = '';
      this.skipping = true;
    }
  }
}
