import { describe, expect, it } from 'vitest';
import { parseBoolean } from './parse-boolean.js';

const value = (text: string, blankIsFalse = false) => {
  const r = parseBoolean(text, { blankIsFalse });
  return r.ok ? r.value : r.error;
};

describe('parseBoolean', () => {
  it.each([
    'true',
    'TRUE',
    'True',
    'yes',
    'Y',
    'sí',
    'SÍ',
    'si',
    's',
    '1',
    'verdadero',
    'VERDADERO',
    'v',
    'x',
    'X',
    'on',
  ])('%s is true', (text) => expect(value(text)).toBe(true));

  it.each(['false', 'FALSE', 'no', 'No', 'N', 'n', '0', 'falso', 'f', 'off', ' no '])('%s is false', (text) =>
    expect(value(text)).toBe(false),
  );

  it('treats blank as false only in checkbox columns', () => {
    expect(value('')).toBe('expected a boolean but the value is empty');
    expect(value('  ', true)).toBe(false);
  });

  it('says which words it accepts', () => {
    expect(value('maybe')).toBe(
      'not a boolean: "maybe" (expected true/false, yes/no, sí/no, 1/0, y/n, verdadero/falso or x)',
    );
    expect(value('2')).toMatch(/^not a boolean: "2"/);
  });
});
