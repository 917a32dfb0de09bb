/**
 * From dated transactions to per-customer calibration statistics, as lifetimes' `summary_data_from_transaction_data`
 * and `calibration_and_holdout_data` do: purchases on the same day are one transaction (values summed); a
 * customer's first day is the origin; x = distinct purchase days after the first, tₓ = last − first, T =
 * calibration end − first (in `unitDays`), monetary = mean value of the repeat transactions (0 when x = 0).
 * Days are integers (e.g. days since the epoch); the calibration end day is included in the calibration period.
 */
export interface Transactions {
  /** Customer key per transaction (any integer id). */
  readonly customer: Int32Array;
  readonly day: Int32Array;
  readonly value: Float64Array;
}

export interface CalibrationOptions {
  /** Last day of the calibration period (inclusive). */
  readonly calibrationEnd: number;
  /** Last day of the holdout period (inclusive); holdout counts are returned when given. */
  readonly holdoutEnd?: number;
  /** Days per time unit; 7 gives weeks. */
  readonly unitDays?: number;
}

export interface CustomerPeriods {
  /** Customer ids, ascending; customers whose first purchase is after the calibration end are left out. */
  readonly customer: Int32Array;
  readonly x: Float64Array;
  readonly tx: Float64Array;
  readonly T: Float64Array;
  readonly monetary: Float64Array;
  /** Distinct purchase days in (calibrationEnd, holdoutEnd], when holdoutEnd is given. */
  readonly holdoutPurchases: Float64Array | null;
  /** Holdout length in units (same for every customer). */
  readonly holdoutLength: number;
}

export function calibrationSummary(t: Transactions, options: CalibrationOptions): CustomerPeriods {
  const unit = options.unitDays ?? 7;
  const end = options.calibrationEnd;
  const hEnd = options.holdoutEnd ?? end;
  const n = t.customer.length;
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (i, j) =>
      (t.customer[i] as number) - (t.customer[j] as number) || (t.day[i] as number) - (t.day[j] as number),
  );
  const ids: number[] = [];
  const xs: number[] = [];
  const txs: number[] = [];
  const Ts: number[] = [];
  const ms: number[] = [];
  const hs: number[] = [];
  let k = 0;
  while (k < n) {
    const id = t.customer[order[k] as number] as number;
    let first = Number.NaN;
    let lastDay = Number.NaN;
    let x = 0;
    let repeatValue = 0;
    let dayValue = 0;
    let holdout = 0;
    let prevDay = Number.NaN;
    const closeDay = (): void => {
      // The transaction on prevDay is complete: count it if it is a repeat purchase in calibration.
      if (!Number.isNaN(prevDay) && prevDay <= end && prevDay !== first) {
        x++;
        repeatValue += dayValue;
      }
    };
    for (; k < n && (t.customer[order[k] as number] as number) === id; k++) {
      const i = order[k] as number;
      const day = t.day[i] as number;
      if (day !== prevDay) {
        closeDay();
        if (Number.isNaN(first)) first = day;
        if (day <= end) lastDay = day;
        else if (day <= hEnd) holdout++;
        dayValue = 0;
        prevDay = day;
      }
      dayValue += t.value[i] as number;
    }
    closeDay();
    if (!(first <= end)) continue;
    ids.push(id);
    xs.push(x);
    txs.push((lastDay - first) / unit);
    Ts.push((end - first) / unit);
    ms.push(x > 0 ? repeatValue / x : 0);
    hs.push(holdout);
  }
  return {
    customer: Int32Array.from(ids),
    x: Float64Array.from(xs),
    tx: Float64Array.from(txs),
    T: Float64Array.from(Ts),
    monetary: Float64Array.from(ms),
    holdoutPurchases: options.holdoutEnd === undefined ? null : Float64Array.from(hs),
    holdoutLength: (hEnd - end) / unit,
  };
}
