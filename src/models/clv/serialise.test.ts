import { describe, expect, it } from 'vitest';
import { fitBgNbd } from './bgnbd.js';
import { readCdnowSummary, readCdnowSummaryWithSpend } from './fixtures/cdnow.js';
import { fitGammaGamma } from './gamma-gamma.js';
import { conditionalExpectedPurchases } from './predict.js';
import { modelFromJSON, toJSON } from './serialise.js';
import { summariseRfm, summariseSpend } from './summary.js';

describe('toJSON / modelFromJSON', () => {
  const rfm = summariseRfm(readCdnowSummary());
  const spend = summariseSpend(readCdnowSummaryWithSpend());
  if (!rfm.ok || !spend.ok) throw new Error('CDNOW summary does not load');
  const bg = fitBgNbd(rfm.value);
  const gg = fitGammaGamma(spend.value);
  if (!bg.ok || !gg.ok) throw new Error('fits failed');

  it('round-trips through a JSON string to an equal, frozen model that predicts the same', () => {
    const text = JSON.stringify(toJSON(bg.model));
    const back = modelFromJSON(text);
    expect(back.ok).toBe(true);
    if (!back.ok || back.value.kind !== 'bgnbd') return;
    expect(back.value).toEqual(bg.model);
    expect(Object.isFrozen(back.value.params)).toBe(true);
    expect(conditionalExpectedPurchases(back.value, 39, 2, 30.43, 38.86)).toBe(
      conditionalExpectedPurchases(bg.model, 39, 2, 30.43, 38.86),
    );
    const g = modelFromJSON(JSON.parse(JSON.stringify(toJSON(gg.model))));
    expect(g.ok && g.value).toEqual(gg.model);
  });

  it('validates with exact messages', () => {
    const json = toJSON(bg.model) as unknown as Record<string, unknown>;
    const broken = (patch: Record<string, unknown>) => {
      const r = modelFromJSON({ ...json, ...patch });
      return r.ok ? 'ok' : r.error;
    };
    expect(broken({ kind: 'lstm' })).toBe(
      'model JSON: unknown kind "lstm" (expected one of bgnbd, mbgnbd, paretonbd, gammagamma)',
    );
    expect(broken({ params: { r: -1, alpha: 1, a: 1, b: 1 } })).toMatch(/^model JSON: params\.r: /);
    expect(broken({ params: { r: 1, alpha: 1, a: 1 } })).toMatch(/^model JSON: params\.b: /);
    expect(broken({ format: 'other' })).toMatch(/^model JSON: format: /);
    expect(broken({ covariance: [[1]] })).toMatch(/^model JSON: covariance/);
    expect(modelFromJSON('{not json').ok).toBe(false);
  });
});
