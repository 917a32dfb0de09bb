import { describe, expect, it } from 'vitest';
import {
  channelPhrase,
  creativeAdjective,
  formatLift,
  formatP,
  formatPoints,
  formatShare,
} from './phrasing.js';

describe('statement phrasing', () => {
  it('formats lifts, shares, p-values and points in English and Spanish', () => {
    expect(formatLift(2.345, 'en')).toBe('2.3x');
    expect(formatLift(2.345, 'es')).toBe('2,3 veces');
    expect(formatLift(32.28, 'en')).toBe('32x');
    expect(formatShare(0.3123, 'en')).toBe('31%');
    expect(formatShare(0.024, 'es')).toBe('2,4 %');
    expect(formatShare(0.0004, 'en')).toBe('0.04%');
    expect(formatShare(0, 'en')).toBe('0%');
    expect(formatP(0.0004, 'en')).toBe('p < 0.001');
    expect(formatP(0.0004, 'es')).toBe('p < 0,001');
    expect(formatP(0.01234, 'en')).toBe('p = 0.012');
    expect(formatP(0.31, 'es')).toBe('p = 0,31');
    expect(formatPoints(0.0991, 'en')).toBe('+9.9 pts');
    expect(formatPoints(-0.0424, 'es')).toBe('−4,2 puntos');
  });

  it('names channels and creative types, with a fallback for unknown ones', () => {
    expect(channelPhrase('app')).toEqual({ en: 'through the app', es: 'por la app' });
    expect(channelPhrase('Store')).toEqual({ en: 'in store', es: 'en tienda' });
    expect(channelPhrase('kiosk')).toEqual({ en: 'via kiosk', es: 'por kiosk' });
    expect(creativeAdjective('text')).toEqual({ en: 'text', es: 'de texto' });
    expect(creativeAdjective('carousel')).toEqual({ en: '"carousel"', es: 'de tipo "carousel"' });
  });
});
