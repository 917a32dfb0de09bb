import type { Rng } from '../core/rng.js';
import type { PersonaSpec } from './personas.js';

/**
 * Demographic details that follow from age and income (education, occupation) and the free-form `traits` a CRM
 * accumulates (pet, clothing size, children, loyalty card), written as a JSON string.
 */
export const EDUCATION = [
  'primaria',
  'secundaria',
  'formación profesional',
  'universitaria',
  'posgrado',
] as const;

/** Education from relative income and age: richer leans higher, the oldest lean lower. */
export function education(rng: Rng, incomeRatio: number, age: number): string {
  const z = 0.9 * Math.log(incomeRatio) + 0.7 * rng.normal() - (age >= 65 ? 0.6 : 0);
  const level = z < -1.1 ? 0 : z < -0.35 ? 1 : z < 0.15 ? 2 : z < 0.95 ? 3 : 4;
  return EDUCATION[level] as string;
}

type Job = readonly [masculine: string, feminine: string];
const BASIC: readonly Job[] = [
  ['dependiente', 'dependienta'],
  ['camarero', 'camarera'],
  ['conductor', 'conductora'],
  ['operario', 'operaria'],
  ['administrativo', 'administrativa'],
  ['autónomo', 'autónoma'],
  ['desempleado', 'desempleada'],
];
const TECHNICAL: readonly Job[] = [
  ['técnico de mantenimiento', 'técnica de mantenimiento'],
  ['auxiliar de enfermería', 'auxiliar de enfermería'],
  ['administrativo', 'administrativa'],
  ['electricista', 'electricista'],
  ['peluquero', 'peluquera'],
  ['cocinero', 'cocinera'],
  ['comercial', 'comercial'],
];
const GRADUATE: readonly Job[] = [
  ['ingeniero', 'ingeniera'],
  ['docente', 'docente'],
  ['médico', 'médica'],
  ['abogado', 'abogada'],
  ['diseñador', 'diseñadora'],
  ['desarrollador de software', 'desarrolladora de software'],
  ['enfermero', 'enfermera'],
  ['consultor', 'consultora'],
  ['directivo', 'directiva'],
  ['arquitecto', 'arquitecta'],
  ['funcionario', 'funcionaria'],
];

export function occupation(rng: Rng, edu: string, age: number, female: boolean): string {
  const g = female ? 1 : 0;
  if (age < 24 && rng.next() < 0.55) return 'estudiante';
  if (age >= 65 && rng.next() < 0.8) return female ? 'jubilada' : 'jubilado';
  const pool =
    edu === 'universitaria' || edu === 'posgrado'
      ? GRADUATE
      : edu === 'formación profesional'
        ? TECHNICAL
        : BASIC;
  return rng.pick(pool)[g];
}

const PETS = ['perro', 'gato', 'ninguna', 'ninguna', 'perro'] as const;
const SIZES = ['XS', 'S', 'M', 'M', 'L', 'XL'] as const;

/** A couple of free-form traits as a JSON object string (keys in Spanish, as the CRM stores them). */
export function traitsJson(rng: Rng, spec: PersonaSpec, english: boolean): string {
  const parts: string[] = [];
  if (rng.next() < 0.6) parts.push(`"mascota":"${rng.pick(PETS)}"`);
  if (rng.next() < 0.5) parts.push(`"talla":"${rng.pick(SIZES)}"`);
  if (rng.next() < 0.4) {
    const family = spec.id === 'weekend_app';
    const kids = family ? 1 + rng.int(3) : rng.next() < 0.55 ? 0 : 1 + rng.int(2);
    parts.push(`"hijos":${kids}`);
  }
  const loyal = spec.id === 'champions' || spec.id === 'loyal_regulars';
  if (rng.next() < (loyal ? 0.6 : 0.15)) parts.push(`"tarjeta_fidelidad":true`);
  if (english) parts.push(`"idioma":"en"`);
  return `{${parts.join(',')}}`;
}
