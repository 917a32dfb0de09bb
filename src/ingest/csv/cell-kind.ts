// Loose shapes used only to guess whether a first row is a header; the value parsers decide what a value is.
const NUMBER_LIKE = /^[-+]?[$€£¥]?\s?[-+]?(?:\d+(?:[.,\s]\d+)*|[.,]\d+)(?:[eE][-+]?\d+)?\s?[$€£¥%]?$/u;
const DATE_LIKE =
  /^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:[AaPp][Mm])?\s*(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const IDENTIFIER_LIKE = /^[\p{L}_][\p{L}\p{N}\p{Zs}_\-.()[\]$%#&/?¿:'’+]*$/u;

/** Numbers, amounts and dates: values a header name almost never is. */
export const isTypedValue = (text: string): boolean => {
  const t = text.trim();
  return NUMBER_LIKE.test(t) || DATE_LIKE.test(t);
};

export const isBlankValue = (text: string): boolean => text.trim() === '';

/** Reads like a column name: starts with a letter or underscore, short. */
export const isIdentifierLike = (text: string): boolean => {
  const t = text.trim();
  return t.length > 0 && t.length <= 64 && IDENTIFIER_LIKE.test(t);
};
