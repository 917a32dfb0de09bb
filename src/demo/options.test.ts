import { describe, expect, it } from 'vitest';
import { SegmentaError } from '../core/errors.js';
import { resolveDemoOptions } from './options.js';

describe('resolveDemoOptions', () => {
  it('defaults to 20,000 customers over two years from 2024-11-01', () => {
    const o = resolveDemoOptions();
    expect(o).toMatchObject({
      seed: 20240601,
      customers: 20_000,
      start: '2024-11-01',
      end: '2026-10-31',
      days: 730,
    });
    expect(new Date(o.startMs).toISOString()).toBe('2024-11-01T00:00:00.000Z');
    expect(new Date(o.endMs).toISOString()).toBe('2026-11-01T00:00:00.000Z');
  });

  it('applies scale to the number of customers', () => {
    expect(resolveDemoOptions({ customers: 1_000, scale: 2.5 }).customers).toBe(2_500);
    expect(resolveDemoOptions({ scale: 0.1 }).customers).toBe(2_000);
  });

  it.each([
    [{ start: '2024-02-30' }, 'invalid start date: "2024-02-30"'],
    [{ end: '31/10/2026' }, 'invalid end date: "31/10/2026"'],
    [
      { start: '2025-01-01', end: '2025-01-10' },
      'demo window too short: 2025-01-01 to 2025-01-10 is 10 days',
    ],
    [{ customers: 0 }, 'invalid customers: 0'],
    [{ customers: 10.5 }, 'invalid customers: 10.5'],
    [{ scale: -1 }, 'invalid scale: -1'],
    [{ seed: 1.5 }, 'invalid seed: 1.5'],
    [{ customers: 1_000_000 }, 'too many customers: 1000000'],
  ])('rejects %j with an exact message', (options, message) => {
    let caught: unknown;
    try {
      resolveDemoOptions(options);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(SegmentaError);
    expect((caught as SegmentaError).message).toBe(message);
    expect((caught as SegmentaError).kind).toBe('invalid_input');
  });
});
