/**
 * Where the demo shop's customers live: a Spanish retailer with a Latin-American following. Weights are shares of
 * the customer base; `area` is the phone area code used for landline-style local formats.
 */
export const COUNTRIES = ['ES', 'MX', 'AR', 'CO', 'CL', 'PE'] as const;
export type Country = (typeof COUNTRIES)[number];

export interface City {
  readonly city: string;
  readonly region: string;
  readonly country: Country;
  readonly weight: number;
  /** Area code for numbers that depend on the city (Mexico, Argentina). */
  readonly area: string;
}

export const CITIES: readonly City[] = [
  { city: 'Madrid', region: 'Comunidad de Madrid', country: 'ES', weight: 17, area: '' },
  { city: 'Barcelona', region: 'Cataluña', country: 'ES', weight: 13, area: '' },
  { city: 'Valencia', region: 'Comunitat Valenciana', country: 'ES', weight: 7, area: '' },
  { city: 'Sevilla', region: 'Andalucía', country: 'ES', weight: 6, area: '' },
  { city: 'Málaga', region: 'Andalucía', country: 'ES', weight: 5, area: '' },
  { city: 'Zaragoza', region: 'Aragón', country: 'ES', weight: 4.5, area: '' },
  { city: 'Bilbao', region: 'País Vasco', country: 'ES', weight: 4, area: '' },
  { city: 'Ciudad de México', region: 'Ciudad de México', country: 'MX', weight: 8, area: '55' },
  { city: 'Guadalajara', region: 'Jalisco', country: 'MX', weight: 3.5, area: '33' },
  { city: 'Monterrey', region: 'Nuevo León', country: 'MX', weight: 3, area: '81' },
  { city: 'Buenos Aires', region: 'Ciudad Autónoma de Buenos Aires', country: 'AR', weight: 6.5, area: '11' },
  { city: 'Córdoba', region: 'Córdoba', country: 'AR', weight: 2, area: '351' },
  { city: 'Bogotá', region: 'Bogotá D.C.', country: 'CO', weight: 4.5, area: '' },
  { city: 'Medellín', region: 'Antioquia', country: 'CO', weight: 2.5, area: '' },
  { city: 'Santiago', region: 'Región Metropolitana', country: 'CL', weight: 4.5, area: '' },
  { city: 'Lima', region: 'Lima', country: 'PE', weight: 4, area: '' },
];

/** Email domains per country, most common first (weights implicit: earlier is likelier). */
export const EMAIL_DOMAINS: Readonly<Record<Country, readonly string[]>> = {
  ES: [
    'gmail.com',
    'gmail.com',
    'hotmail.com',
    'hotmail.es',
    'yahoo.es',
    'outlook.es',
    'icloud.com',
    'telefonica.net',
  ],
  MX: ['gmail.com', 'gmail.com', 'hotmail.com', 'outlook.com', 'yahoo.com.mx', 'prodigy.net.mx'],
  AR: ['gmail.com', 'gmail.com', 'hotmail.com', 'yahoo.com.ar', 'outlook.com', 'fibertel.com.ar'],
  CO: ['gmail.com', 'gmail.com', 'hotmail.com', 'outlook.com', 'yahoo.com'],
  CL: ['gmail.com', 'gmail.com', 'hotmail.com', 'outlook.cl', 'yahoo.com'],
  PE: ['gmail.com', 'gmail.com', 'hotmail.com', 'outlook.com', 'yahoo.es'],
};

/** Typical annual income (euros) by country, the centre of a log-normal spread. */
export const MEDIAN_INCOME: Readonly<Record<Country, number>> = {
  ES: 26_000,
  MX: 11_000,
  AR: 10_000,
  CO: 9_000,
  CL: 14_000,
  PE: 9_000,
};
