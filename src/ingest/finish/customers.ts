import { countryCode } from '../identity/country-code.js';
import { normaliseEmail } from '../identity/normalise-email.js';
import { normalisePhone } from '../identity/normalise-phone.js';
import type { RowFinisher } from './finisher.js';

/**
 * Customer rows: emails lower-cased, phones in E.164 (with the default country), so duplicates can be merged.
 * A local phone is read in the row's country when it names one, else the default country. A value that
 * cannot be normalised is kept as given and reported, but never used to merge customers.
 */
export function customersFinisher(defaultCountry: string): RowFinisher {
  return (row, issue) => {
    if (typeof row.email === 'string') {
      const e = normaliseEmail(row.email);
      if (e === undefined) {
        issue(
          'email',
          `not an email address: ${JSON.stringify(row.email)} (kept as given, not used to merge customers)`,
        );
      } else row.email = e;
    }
    if (typeof row.phone === 'string') {
      // Local numbers are read in the customer's own country when the row names one.
      const country =
        (typeof row.country === 'string' ? countryCode(row.country) : undefined) ?? defaultCountry;
      const p = normalisePhone(row.phone, country);
      if (p === undefined) {
        issue(
          'phone',
          `not a valid phone number for country ${country}: ${JSON.stringify(row.phone)} (kept as given; set the country with --country)`,
        );
      } else row.phone = p;
    }
    if (typeof row.age === 'number' && (row.age < 0 || row.age > 120)) {
      issue('age', `age ${row.age} is outside 0-120: dropped`);
      row.age = null;
    }
    return null;
  };
}
