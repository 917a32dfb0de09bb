import type { Rng } from '../core/rng.js';
import type { PersonaSpec } from './personas.js';

/**
 * Answers to the shop's lifestyle survey (in Spanish, as the shop asked them). A persona's leaning answer comes up
 * more often than chance, so psychographic segments carry signal without being a give-away; about a quarter of
 * customers never answered.
 */
// biome-ignore format: compact word list
export const LIFESTYLES = [
  'urbano activo', 'familiar', 'hogareño', 'aventurero', 'minimalista', 'cosmopolita', 'saludable', 'estudiante',
  'bohemio',
] as const;
// biome-ignore format: compact word list
export const VALUES = [
  'ahorro', 'calidad', 'sostenibilidad', 'tradición', 'innovación', 'estatus', 'comodidad', 'familia',
] as const;
// biome-ignore format: compact word list
export const INTERESTS = [
  'moda', 'decoración', 'cosmética', 'tecnología', 'deporte', 'gastronomía', 'lectura', 'viajes', 'videojuegos',
  'fotografía', 'jardinería', 'música', 'cine', 'familia',
] as const;
// biome-ignore format: compact word list
export const PERSONALITIES = [
  'extrovertido', 'analítico', 'creativo', 'reservado', 'práctico', 'aventurero', 'organizado',
] as const;
// biome-ignore format: compact word list
export const ATTITUDES = [
  'cazador de ofertas', 'fiel a la marca', 'impulsivo', 'reflexivo', 'escéptico', 'early adopter', 'exigente',
] as const;
// biome-ignore format: compact word list
export const BELIEFS = [
  'la calidad se paga', 'comprar local', 'cuidar el planeta', 'la tecnología mejora la vida', 'la familia primero',
  'el tiempo es oro', 'ahorrar es prioritario',
] as const;

export const ANSWERED_SHARE = 0.74;
const LEAN = 0.55;

export interface PsychographicAnswers {
  readonly lifestyle: string;
  readonly values: string;
  /** Two or three interests joined with ';'. */
  readonly interests: string;
  readonly personality: string;
  readonly attitudes: string;
  readonly beliefs: string;
}

function lean(rng: Rng, leaning: string, options: readonly string[]): string {
  return rng.next() < LEAN ? leaning : rng.pick(options);
}

/** One customer's survey answers, or null when they never answered. */
export function drawPsychographics(rng: Rng, persona: PersonaSpec): PsychographicAnswers | null {
  if (rng.next() >= ANSWERED_SHARE) return null;
  const l = persona.leaning;
  const count = 2 + rng.int(2);
  const interests: string[] = [];
  for (let guard = 0; interests.length < count && guard < 20; guard++) {
    const x = rng.next() < 0.7 ? rng.pick(l.interests) : rng.pick(INTERESTS);
    if (!interests.includes(x)) interests.push(x);
  }
  return {
    lifestyle: lean(rng, l.lifestyle, LIFESTYLES),
    values: lean(rng, l.values, VALUES),
    interests: interests.join(';'),
    personality: lean(rng, l.personality, PERSONALITIES),
    attitudes: lean(rng, l.attitudes, ATTITUDES),
    beliefs: lean(rng, l.beliefs, BELIEFS),
  };
}
