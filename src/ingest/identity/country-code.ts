const NAMES: Readonly<Record<string, string>> = {
  spain: 'ES',
  espana: 'ES',
  mexico: 'MX',
  argentina: 'AR',
  colombia: 'CO',
  chile: 'CL',
  peru: 'PE',
  portugal: 'PT',
  france: 'FR',
  francia: 'FR',
  germany: 'DE',
  alemania: 'DE',
  italy: 'IT',
  italia: 'IT',
  'united kingdom': 'GB',
  uk: 'GB',
  'reino unido': 'GB',
  'united states': 'US',
  usa: 'US',
  'estados unidos': 'US',
  ecuador: 'EC',
  venezuela: 'VE',
  uruguay: 'UY',
  paraguay: 'PY',
  bolivia: 'BO',
  'costa rica': 'CR',
  guatemala: 'GT',
  'republica dominicana': 'DO',
  'puerto rico': 'PR',
  panama: 'PA',
  cuba: 'CU',
  'el salvador': 'SV',
  honduras: 'HN',
  nicaragua: 'NI',
  eire: 'IE',
  ireland: 'IE',
  netherlands: 'NL',
  belgium: 'BE',
};

/** ISO 3166 alpha-2 code of a country given as a code or a (Spanish or English) name; undefined if unknown. */
export function countryCode(text: string): string | undefined {
  const t = text.trim();
  if (/^[A-Za-z]{2}$/.test(t)) return t.toUpperCase();
  const key = t
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  return NAMES[key];
}
