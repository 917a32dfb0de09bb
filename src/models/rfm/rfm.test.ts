import { describe, expect, it } from 'vitest';
import { compile } from '../../sql/compile.js';
import {
  DEFAULT_SEGMENT_MAP,
  fmScore,
  RFM_GROUPS,
  resolveRfmOptions,
  rfmGroup,
  rfmScoreQuery,
} from './index.js';

describe('RFM score map and options', () => {
  it('maps the 25 (R, FM) cells onto exactly the 11 named groups', () => {
    expect(new Set(DEFAULT_SEGMENT_MAP.flat())).toEqual(new Set(RFM_GROUPS));
    expect(fmScore(5, 4)).toBe(5);
    expect(fmScore(1, 2)).toBe(2);
    expect(fmScore(3, 3)).toBe(3);
    expect(rfmGroup(5, 5, 5)).toBe('Champions');
    expect(rfmGroup(5, 1, 1)).toBe('New');
    expect(rfmGroup(4, 1, 1)).toBe('Promising');
    expect(rfmGroup(3, 3, 3)).toBe('Need Attention');
    expect(rfmGroup(1, 5, 5)).toBe('Cannot Lose Them');
    expect(rfmGroup(2, 1, 2)).toBe('Hibernating');
    expect(rfmGroup(1, 1, 1)).toBe('Lost');
    expect(rfmGroup(1, 1, 5)).toBe('At Risk');
  });

  it('defaults to quintiles with ties broken by customer id and gross monetary', () => {
    expect(resolveRfmOptions({})).toMatchObject({
      recency: { kind: 'quantiles', ties: 'customer_id' },
      monetaryBasis: 'gross',
    });
    expect(() => resolveRfmOptions({ monetary: { kind: 'thresholds', cuts: [1, 2, 3] } })).toThrow(
      /invalid RFM options: monetary.cuts/,
    );
    expect(() => resolveRfmOptions({ segmentMap: [['Champions']] })).toThrow(
      /invalid RFM options: segmentMap/,
    );
  });

  it('compiles scores to SQL with every value bound and the tie rule in the ORDER BY', () => {
    const q = compile(rfmScoreQuery('features', resolveRfmOptions({})));
    expect(q.sql).toMatch(
      /ntile\(CAST\(\$\d+ AS INTEGER\)\) OVER \(PARTITION BY \("frequency" > \$\d+\) ORDER BY "recency_days" DESC, "customer_id" ASC\)/,
    );
    expect(q.sql).toContain('ORDER BY "frequency" ASC, "customer_id" ASC');
    expect(q.sql).toContain('ORDER BY "monetary_gross" ASC, "customer_id" ASC');
    expect(q.sql).not.toMatch(/Champions|'/);
    expect(q.params).toContain('Champions');
    const t = compile(
      rfmScoreQuery(
        'features',
        resolveRfmOptions({ recency: { kind: 'thresholds', cuts: [30, 60, 90, 180] } }),
      ),
    );
    expect(t.sql).toContain('(CASE WHEN ("recency_days" <= $');
    expect(t.params).toEqual(expect.arrayContaining([30, 60, 90, 180]));
  });
});
