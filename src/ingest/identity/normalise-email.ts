const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Trim and lower-case an email; `undefined` when it is not an address (so it never merges customers). */
export function normaliseEmail(text: string): string | undefined {
  const e = text.trim().toLowerCase();
  return EMAIL.test(e) ? e : undefined;
}
