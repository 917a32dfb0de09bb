import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js';

/** A phone in E.164 (`+34612345678`), read with a default country for local numbers; `undefined` if invalid. */
export function normalisePhone(text: string, defaultCountry: string): string | undefined {
  const p = parsePhoneNumberFromString(text, defaultCountry.toUpperCase() as CountryCode);
  return p?.isValid() ? p.number : undefined;
}
