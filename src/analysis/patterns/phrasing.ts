import type { Bilingual } from './statement.js';

/**
 * Numbers and phrases for the statements, in English and Spanish (decimal comma, "31 %"). Rounding is for
 * reading only; the statements carry the exact numbers alongside.
 */
export type Lang = keyof Bilingual;

const decimal = (s: string, lang: Lang) => (lang === 'es' ? s.replace('.', ',') : s);

/** "2.3x" / "2,3 veces"; whole numbers from 10 up. */
export function formatLift(x: number, lang: Lang): string {
  const s = decimal(x >= 10 ? x.toFixed(0) : x.toFixed(1), lang);
  return lang === 'en' ? `${s}x` : `${s} veces`;
}

/** A share as a percentage: "31%", "2.4%", "0.05%" / "31 %", "2,4 %". */
export function formatShare(x: number, lang: Lang): string {
  const pct = x * 100;
  const s = pct >= 9.95 ? pct.toFixed(0) : pct >= 0.995 ? pct.toFixed(1) : pct > 0 ? pct.toPrecision(1) : '0';
  return lang === 'en' ? `${s}%` : `${decimal(s, lang)} %`;
}

/** "p < 0.001" or "p = 0.012". */
export function formatP(p: number, lang: Lang): string {
  if (p < 0.001) return `p < ${decimal('0.001', lang)}`;
  return `p = ${decimal(Number(p.toPrecision(2)).toString(), lang)}`;
}

/** Percentage points with a sign: "+6.1 pts" / "+6,1 puntos". */
export function formatPoints(x: number, lang: Lang): string {
  const s = decimal((x * 100).toFixed(1), lang);
  const signed = x >= 0 ? `+${s}` : s.replace('-', '−');
  return lang === 'en' ? `${signed} pts` : `${signed} puntos`;
}

const CHANNELS: Readonly<Record<string, Bilingual>> = {
  web: { en: 'on the web', es: 'en la web' },
  online: { en: 'online', es: 'en línea' },
  app: { en: 'through the app', es: 'por la app' },
  store: { en: 'in store', es: 'en tienda' },
  phone: { en: 'by phone', es: 'por teléfono' },
  email: { en: 'by email', es: 'por email' },
  marketplace: { en: 'on marketplaces', es: 'en marketplaces' },
};

/** How a purchase channel reads after a verb: "through the app" / "por la app". */
export function channelPhrase(channel: string): Bilingual {
  return CHANNELS[channel.toLowerCase()] ?? { en: `via ${channel}`, es: `por ${channel}` };
}

const CREATIVES: Readonly<Record<string, Bilingual>> = {
  visual: { en: 'visual', es: 'visuales' },
  text: { en: 'text', es: 'de texto' },
  video: { en: 'video', es: 'de vídeo' },
};

/** A creative type as an adjective: "visual" / "visuales", "text" / "de texto". */
export function creativeAdjective(type: string): Bilingual {
  return CREATIVES[type] ?? { en: `"${type}"`, es: `de tipo "${type}"` };
}
