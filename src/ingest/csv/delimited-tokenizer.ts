import { RAW_LIMIT, recordTooLong, unclosedQuote } from './record-error.js';
import {
  DEFAULT_MAX_RECORD_CHARS,
  type RecordTokenizer,
  type TokenizerOptions,
  type TokenSink,
} from './tokenizer.js';

const CR = 13;
/** Returned by the record parsers when the buffer ends before the record does. */
const NEED_MORE = -1;
const UNKNOWN = -2;
/** Up to this many characters, a held-back record is completed on its own string (see push). */
const SMALL_JOIN = 4096;

/**
 * RFC 4180 tokenizer for one-character delimiters, tolerant the way spreadsheet exports need.
 *
 * Speed: lines without a quote character (the vast majority) are cut with indexOf only; positions of the next
 * delimiter and quote are cached across lines so each character is scanned about once.
 *
 * Unclosed quotes: a quoted field may span lines, but it is rejected as an unclosed quote when (1) its closing
 * quote is followed by text instead of a delimiter or line end, (2) the input ends first, (3) no closing quote
 * comes within `maxRecordChars` of the record's start, or (4) the multi-line record it produces does not have
 * the expected number of fields. The record becomes a RecordError and reading resumes on the line after the one
 * the quote opened on, so only that line is lost and later rows still import. On a single line, text after a
 * closing quote is kept, as spreadsheets do (`"5" vinyl` reads `5 vinyl`); a quote inside an unquoted field is
 * an ordinary character.
 *
 * Limits: a record longer than `maxRecordChars` is an error (unclosed quote if the limit falls inside quotes,
 * else too long) and reading resumes after the next line feed, so memory stays bounded. Every decision depends
 * only on the text, never on where chunks were cut (a property test checks this).
 */
export class DelimitedTokenizer implements RecordTokenizer {
  private readonly delim: string;
  private readonly quote: string;
  private readonly quoteCode: number;
  private readonly maxChars: number;
  private expectedFields: number | undefined;
  private carry = '';
  /** Line number of the first character of `carry` (or of the next text pushed). */
  private line: number;
  /** Discarding the rest of a line that was too long. */
  private skipping = false;
  // Quote search cache: the first quote at or after qFrom is qAt; when qAt is -1 there is none in [qFrom, qScanned).
  private qFrom = Number.POSITIVE_INFINITY;
  private qAt = -1;
  private qScanned = 0;

  constructor(delimiter: string, quote: '"' | null, options: TokenizerOptions = {}) {
    if (delimiter.length !== 1)
      throw new Error(`delimiter must be one character, got ${JSON.stringify(delimiter)}`);
    this.delim = delimiter;
    this.quote = quote ?? '';
    this.quoteCode = quote === null ? -1 : quote.charCodeAt(0);
    this.maxChars = options.maxRecordChars ?? DEFAULT_MAX_RECORD_CHARS;
    this.line = options.firstLine ?? 1;
    this.expectedFields = options.expectedFields;
  }

  get pending(): string {
    return this.carry;
  }

  push(text: string, out: TokenSink): void {
    const nl = this.carry.length === 0 ? -1 : text.indexOf('\n');
    if (this.carry.length === 0) this.run(text, 0, false, out);
    else if (nl === -1 || this.carry.length + nl > SMALL_JOIN) this.run(this.carry + text, 0, false, out);
    else {
      // Finish the held-back record on a small string first, so the big chunk is not copied into carry + text.
      this.run(this.carry + text.slice(0, nl + 1), 0, false, out);
      if (this.carry.length === 0) this.run(text, nl + 1, false, out);
      else this.run(this.carry + text.slice(nl + 1), 0, false, out);
    }
  }

  end(out: TokenSink): void {
    this.run(this.carry, 0, true, out);
    this.carry = '';
  }

  private run(buf: string, from: number, eof: boolean, out: TokenSink): void {
    const len = buf.length;
    const delim = this.delim;
    let pos = from;
    let d = buf.indexOf(delim, pos); // next delimiter at or after pos, or -1
    let q = this.quoteCode === -1 ? -1 : this.findQuote(buf, pos); // next quote at or after pos, or -1
    while (pos < len) {
      if (this.skipping) {
        const nl = buf.indexOf('\n', pos);
        if (nl === -1) {
          pos = len;
          break;
        }
        pos = nl + 1;
        this.line++;
        this.skipping = false;
        if (d !== -1 && d < pos) d = buf.indexOf(delim, pos);
        continue;
      }
      let nl = buf.indexOf('\n', pos);
      if (nl === -1 && eof) nl = len;
      if (q !== -1 && q < pos) q = this.findQuote(buf, pos);
      if (q !== -1 && (nl === -1 || q < nl)) {
        const next = this.quotedRecord(buf, pos, eof, out);
        if (next === NEED_MORE) break;
        pos = next;
        if (d !== -1 && d < pos) d = buf.indexOf(delim, pos);
        q = this.findQuote(buf, pos);
        continue;
      }
      if (nl === -1) break;
      if (nl - pos > this.maxChars) {
        out.errors.push(recordTooLong(this.line, this.maxChars, this.raw(buf, pos, nl + 1)));
        pos = nl + 1;
        this.line++;
        if (d !== -1 && d < pos) d = buf.indexOf(delim, pos);
        continue;
      }
      // Fast path: a line without quotes.
      let end = nl;
      if (end > pos && buf.charCodeAt(end - 1) === CR) end--;
      if (end > pos) {
        const fields: string[] = [];
        let p = pos;
        while (d !== -1 && d < end) {
          fields.push(buf.slice(p, d));
          p = d + 1;
          d = buf.indexOf(delim, p);
        }
        fields.push(buf.slice(p, end));
        if (fields.length > 1 || fields[0]!.trim() !== '') this.emit(fields, this.line, out);
      }
      pos = nl + 1;
      this.line++;
    }
    if (pos >= len) {
      this.carry = '';
      this.shiftQuoteCache(len);
    } else {
      this.carry = buf.slice(pos);
      this.shiftQuoteCache(pos);
      if (this.carry.length > this.maxChars) {
        // Only a line without quotes can get here: quotedRecord holds back at most maxChars.
        out.errors.push(recordTooLong(this.line, this.maxChars, this.raw(this.carry, 0, this.carry.length)));
        this.carry = '';
        this.skipping = true;
        this.qFrom = Number.POSITIVE_INFINITY;
      }
    }
  }

  private emit(fields: string[], line: number, out: TokenSink): void {
    out.fields.push(fields);
    out.lines.push(line);
    if (this.expectedFields === undefined) this.expectedFields = fields.length;
  }

  /** Parses one record that contains a quote character; returns the position after it, or NEED_MORE. */
  private quotedRecord(buf: string, start: number, eof: boolean, out: TokenSink): number {
    const len = buf.length;
    const Q = this.quoteCode;
    const fields: string[] = [];
    let p = start;
    let breaks = 0; // line breaks inside quoted fields so far
    let spanOpen = -1; // the first quoted field that spans lines: where it opened, and on which line
    let spanLine = 0;
    let d = UNKNOWN; // cached next delimiter / line feed at or after p (-1: none in the buffer)
    let nl = UNKNOWN;
    for (;;) {
      let value: string;
      let inner = 0;
      let open = -1;
      if (p < len && buf.charCodeAt(p) === Q) {
        // A field starting at the limit makes the record too long, whatever follows.
        if (p - start >= this.maxChars) return this.tooLong(buf, start, p, breaks, eof, out);
        open = p;
        value = '';
        let s = p + 1;
        for (;;) {
          // The closing quote must come within maxChars of the record's start: decided the same way
          // however the text is chunked.
          const qi = this.findQuote(buf, s);
          const overLimit = qi === -1 ? len - start >= this.maxChars : qi - start >= this.maxChars;
          if (overLimit || (qi === -1 && eof)) {
            return this.unclosed(buf, start, open, this.line + breaks, eof, out, overLimit);
          }
          if (qi === -1) return NEED_MORE;
          if (qi + 1 >= len && !eof) return NEED_MORE; // a doubled quote or a closing one? wait and see
          if (buf.charCodeAt(qi + 1) === Q) {
            value += buf.slice(s, qi + 1);
            s = qi + 2;
            continue;
          }
          value += buf.slice(s, qi);
          inner = countLineFeeds(buf, open, qi);
          p = qi + 1;
          break;
        }
      } else {
        value = '';
      }
      // Find where the field ends: the next delimiter or line feed.
      if (d === UNKNOWN || (d !== -1 && d < p)) d = buf.indexOf(this.delim, p);
      if (nl === UNKNOWN || (nl !== -1 && nl < p)) nl = buf.indexOf('\n', p);
      let e: number;
      if (d !== -1 && (nl === -1 || d < nl)) e = d;
      else if (nl !== -1) e = nl;
      else if (eof) e = len;
      else if (len - start > this.maxChars)
        e = len + 1; // the field ends beyond the limit, wherever that is
      else return NEED_MORE;
      if (e - start > this.maxChars) return this.tooLong(buf, start, p, breaks, eof, out);
      let textEnd = e;
      if (e !== d && e > p && buf.charCodeAt(e - 1) === CR) textEnd--;
      if (textEnd > p) {
        if (inner > 0) return this.unclosed(buf, start, open, this.line + breaks, eof, out, false);
        value += buf.slice(p, textEnd); // unquoted field, or text after a closing quote on the same line
      }
      fields.push(value);
      if (inner > 0) {
        if (spanOpen === -1) {
          spanOpen = open;
          spanLine = this.line + breaks;
        }
        breaks += inner;
      }
      if (e === d) {
        p = e + 1;
        continue;
      }
      p = e + 1; // past the line feed, or past the end of input
      break;
    }
    if (breaks > 0 && this.expectedFields !== undefined && fields.length !== this.expectedFields) {
      return this.unclosed(buf, start, spanOpen, spanLine, eof, out, false);
    }
    this.emit(fields, this.line, out);
    this.line += 1 + breaks;
    return Math.min(p, len);
  }

  /** Reports the current record as an unclosed quote and resumes on the line after the quote's. */
  private unclosed(
    buf: string,
    start: number,
    open: number,
    openLine: number,
    eof: boolean,
    out: TokenSink,
    overLimit: boolean,
  ): number {
    const detail = overLimit ? ` (no closing quote within ${this.maxChars} characters)` : '';
    const nl = buf.indexOf('\n', open);
    const resume = nl === -1 ? buf.length : nl + 1;
    out.errors.push(unclosedQuote(this.line, openLine, this.raw(buf, start, resume), detail));
    if (nl === -1) {
      // The quote's own line has not ended within the buffer: drop the rest of it.
      this.line = openLine;
      if (!eof) this.skipping = true;
    } else {
      this.line = openLine + 1;
    }
    return resume;
  }

  /** Reports the current record as too long and resumes after the line break that ends it. */
  private tooLong(
    buf: string,
    start: number,
    p: number,
    breaks: number,
    eof: boolean,
    out: TokenSink,
  ): number {
    // p is outside quotes, so the next line feed after it ends the record.
    const end = buf.indexOf('\n', p);
    const resume = end === -1 ? buf.length : end + 1;
    out.errors.push(recordTooLong(this.line, this.maxChars, this.raw(buf, start, resume)));
    this.line += breaks;
    if (end !== -1) this.line++;
    else if (!eof) this.skipping = true;
    return resume;
  }

  /** The dropped text of a bad record for the quarantine: at most maxChars, without its line break. */
  private raw(buf: string, start: number, end: number): string {
    let text = buf.slice(start, Math.min(end, start + Math.min(this.maxChars, RAW_LIMIT)));
    if (text.endsWith('\n')) text = text.slice(0, text.endsWith('\r\n') ? -2 : -1);
    return text;
  }

  private findQuote(buf: string, s: number): number {
    if (s >= this.qFrom) {
      if (this.qAt !== -1) {
        if (s <= this.qAt) return this.qAt;
      } else {
        const r = buf.indexOf(this.quote, Math.max(s, this.qScanned));
        this.qFrom = s;
        this.qAt = r;
        this.qScanned = buf.length;
        return r;
      }
    }
    const r = buf.indexOf(this.quote, s);
    this.qFrom = s;
    this.qAt = r;
    this.qScanned = buf.length;
    return r;
  }

  /** Re-bases the quote cache when the first `by` characters of the buffer are dropped. */
  private shiftQuoteCache(by: number): void {
    if (this.qFrom === Number.POSITIVE_INFINITY) return;
    if (this.qAt !== -1 && this.qAt < by) {
      this.qFrom = Number.POSITIVE_INFINITY;
      return;
    }
    this.qFrom = Math.max(this.qFrom - by, 0);
    if (this.qAt !== -1) this.qAt -= by;
    this.qScanned = Math.max(this.qScanned - by, 0);
  }
}

function countLineFeeds(buf: string, from: number, to: number): number {
  let n = 0;
  let i = buf.indexOf('\n', from);
  while (i !== -1 && i < to) {
    n++;
    i = buf.indexOf('\n', i + 1);
  }
  return n;
}
