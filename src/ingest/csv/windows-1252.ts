/**
 * Windows-1252 (what Excel writes on Spanish and Western European Windows), per the WHATWG Encoding Standard.
 * Decoded as Latin-1, which is native and fast, then the 0x80–0x9F range is mapped to the characters Windows puts
 * there (€, curly quotes, dashes). Node's own TextDecoder('windows-1252') decodes that range as Latin-1 controls.
 */
const HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

const C1 = /[\u0080-\u009f]/g;

export function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  C1.lastIndex = 0;
  return C1.test(latin1) ? latin1.replace(C1, (c) => HIGH[c.charCodeAt(0) - 0x80]!) : latin1;
}
