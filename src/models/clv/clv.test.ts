import { describe, expect, it } from 'vitest';
import { clvSchedule, customerLifetimeValue, customerLifetimeValueMany } from './clv.js';
import { conditionalExpectedAverageProfit } from './gamma-gamma.js';
import { conditionalExpectedPurchases } from './predict.js';
import { scoreCustomers } from './score.js';
import type { PurchaseModel, SpendModel } from './types.js';

const BG: PurchaseModel = { kind: 'bgnbd', params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } };
const PNBD: PurchaseModel = {
  kind: 'paretonbd',
  params: { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 },
};
const GG: SpendModel = { kind: 'gammagamma', params: { p: 6.25, q: 3.74, gamma: 15.44 } };
const customers = {
  x: Float64Array.from([0, 1, 2, 6]),
  tx: Float64Array.from([0, 10, 30.43, 37]),
  T: Float64Array.from([38.86, 38.86, 38.86, 38.86]),
  monetary: Float64Array.from([0, 20, 22.35, 48]),
};

describe('customerLifetimeValue', () => {
  it('is the lifetimes-style monthly discounted sum of expected purchase increments × expected spend', () => {
    const [x, tx, T, m] = [2, 30.43, 38.86, 22.35];
    const step = 52 / 12;
    let manual = 0;
    for (let k = 1; k <= 12; k++) {
      const inc =
        conditionalExpectedPurchases(BG, k * step, x, tx, T) -
        conditionalExpectedPurchases(BG, (k - 1) * step, x, tx, T);
      manual += (inc * conditionalExpectedAverageProfit(GG, x, m)) / 1.01 ** k;
    }
    const v = customerLifetimeValue(BG, GG, x, tx, T, m, { horizon: 52, periods: 12, discountRate: 0.01 });
    expect(v).toBeCloseTo(manual, 10);
  });

  it('without discounting equals expected purchases × expected spend', () => {
    const v = customerLifetimeValue(PNBD, GG, 2, 30.43, 38.86, 22.35, { horizon: 52, discountRate: 0 });
    const e =
      conditionalExpectedPurchases(PNBD, 52, 2, 30.43, 38.86) *
      conditionalExpectedAverageProfit(GG, 2, 22.35);
    expect(v).toBeCloseTo(e, 10);
  });

  it('vectorised and one-pass scoring agree with the scalar function', () => {
    const opts = { horizon: 52, periods: 12, discountRate: 0.01 };
    const many = customerLifetimeValueMany(BG, GG, customers, opts);
    const scores = scoreCustomers(BG, GG, customers, opts);
    for (let i = 0; i < 4; i++) {
      const args = [customers.x[i], customers.tx[i], customers.T[i], customers.monetary[i]] as [
        number,
        number,
        number,
        number,
      ];
      const v = customerLifetimeValue(BG, GG, ...args, opts);
      expect(many[i]).toBeCloseTo(v, 10);
      expect(scores.clv?.[i]).toBeCloseTo(v, 10);
      expect(scores.expectedPurchases[i]).toBeCloseTo(
        conditionalExpectedPurchases(BG, 52, args[0], args[1], args[2]),
        12,
      );
      expect(scores.expectedSpend?.[i]).toBeCloseTo(
        (scores.expectedPurchases[i] as number) * conditionalExpectedAverageProfit(GG, args[0], args[3]),
        10,
      );
    }
    expect(scoreCustomers(BG, null, customers, opts).clv).toBeNull();
  });

  it('validates options once with exact messages', () => {
    expect(() => clvSchedule({ horizon: 0 })).toThrow(
      'invalid CLV horizon: 0 (expected a positive number of time units)',
    );
    expect(() => clvSchedule({ horizon: 52, periods: 1.5 })).toThrow('invalid CLV periods: 1.5');
    expect(() => clvSchedule({ horizon: 52, discountRate: -1 })).toThrow('invalid CLV discount rate: -1');
  });
});
