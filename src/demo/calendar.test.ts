import { describe, expect, it } from 'vitest';
import { blackFriday, buildCalendar, intensity } from './calendar.js';
import { resolveDemoOptions } from './options.js';

describe('demo calendar', () => {
  it('knows Black Friday', () => {
    expect(new Date(blackFriday(2024)).toISOString().slice(0, 10)).toBe('2024-11-29');
    expect(new Date(blackFriday(2025)).toISOString().slice(0, 10)).toBe('2025-11-28');
    expect(new Date(blackFriday(2026)).toISOString().slice(0, 10)).toBe('2026-11-27');
  });

  it('marks sales, the Christmas peak and the August dip', () => {
    const cal = buildCalendar(resolveDemoOptions());
    const at = (day: string) => Math.round((Date.parse(`${day}T00:00:00Z`) - cal.startMs) / 86_400_000);
    expect(cal.dow[at('2024-11-05')]).toBe(2);
    expect(cal.sale[at('2024-11-29')]).toBe(1);
    expect(cal.sale[at('2025-01-15')]).toBe(1);
    expect(cal.sale[at('2025-10-15')]).toBe(0);
    expect(cal.season[at('2024-12-10')]).toBeGreaterThan(1.4);
    expect(cal.season[at('2025-08-10')]).toBeLessThan(0.8);
    // Toys (index 7) boosted before Reyes, books (6) for Sant Jordi.
    expect(cal.categoryBoost[at('2025-01-04') * 8 + 7]).toBeGreaterThan(3);
    expect(cal.categoryBoost[at('2025-04-23') * 8 + 6]).toBeGreaterThan(4);
  });

  it('maps operational time back to calendar time', () => {
    const w = Float64Array.from({ length: 10 }, (_, d) => (d < 5 ? 1 : 3));
    const clock = intensity(w);
    expect(clock.total).toBeCloseTo(10);
    for (const t of [-3, 0, 0.5, 4.2, 5, 7.75, 9.99, 12]) expect(clock.dayAt(clock.at(t))).toBeCloseTo(t, 9);
    // Busy days pass three times as much operational time as quiet ones.
    expect(clock.at(6) - clock.at(5)).toBeCloseTo(3 * (clock.at(1) - clock.at(0)));
  });
});
