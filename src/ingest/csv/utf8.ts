/**
 * Marks an invalid UTF-8 sequence in decoded text. A lone low surrogate can never come out of decoding valid UTF-8,
 * so its presence in a record proves the record had bad bytes (U+FFFD could be a legitimate character).
 */
export const INVALID_MARK = '\uDFFF';

/** How many bytes at the end of `bytes` start a multi-byte character that continues in the next chunk. */
export function incompleteTailLength(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let k = 1; k <= 3 && k <= n; k++) {
    const b = bytes[n - k]!;
    if ((b & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead byte
    if (b < 0xc2 || b > 0xf4) return 0; // ASCII, or a byte that never starts a character: nothing to wait for
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
    return need > k ? k : 0;
  }
  return 0;
}

/** Length of the well-formed sequence starting at i (Unicode Table 3-7), or 0 if the bytes there are invalid. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  if (b < 0x80) return 1;
  const cont = (j: number, lo = 0x80, hi = 0xbf): boolean => {
    const c = bytes[i + j];
    return c !== undefined && c >= lo && c <= hi;
  };
  if (b >= 0xc2 && b <= 0xdf) return cont(1) ? 2 : 0;
  if (b === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0;
  if ((b >= 0xe1 && b <= 0xec) || b === 0xee || b === 0xef) return cont(1) && cont(2) ? 3 : 0;
  if (b === 0xed) return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0;
  if (b === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (b >= 0xf1 && b <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (b === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

/**
 * Decodes UTF-8 that failed strict validation: valid runs decode normally and each invalid byte becomes one
 * INVALID_MARK. Only used on the rare chunk that is not valid UTF-8, so clarity beats speed here.
 */
export function decodeMarkingInvalid(bytes: Uint8Array): { text: string; invalid: number } {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let text = '';
  let invalid = 0;
  let runStart = 0;
  let i = 0;
  while (i < buf.length) {
    const len = sequenceLength(buf, i);
    if (len > 0) {
      i += len;
      continue;
    }
    text += buf.toString('utf8', runStart, i) + INVALID_MARK;
    invalid++;
    i++;
    runStart = i;
  }
  text += buf.toString('utf8', runStart, buf.length);
  return { text, invalid };
}

/** True when the sample is valid UTF-8, ignoring a multi-byte character cut off at its end. */
export function isUtf8Sample(sample: Uint8Array): boolean {
  const body = sample.subarray(0, sample.length - incompleteTailLength(sample));
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(body);
    return true;
  } catch {
    return false;
  }
}
