import { useState } from 'react';
import { Chart } from '../components/Chart.js';
import { Kpi } from '../components/Kpi.js';
import { Load } from '../components/Load.js';
import { SegmentationPicker } from '../components/SegmentationPicker.js';
import { useSession } from '../context.js';
import { formatNumber } from '../i18n.js';
import type { SegmentWeekdayHour } from '../types.js';
import { useApi } from '../use-api.js';
import { WEEKDAYS } from './OverviewPage.js';

interface Counts {
  segments: { segment: string; customers: number }[];
}

/** Segments named after a weekly habit (`tuesday_evening`) come first: they are what this page is for. */
const HABIT = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday)_/;
const DEFAULT_SEGMENTATION = 'behavioural.usage_pattern';
/** Orders added to the observed and the expected count of every cell before dividing them (the lift). */
const PSEUDO = 5;
/** Order counts from near-white (none) to blue, each cell framed in white so the hours read apart. */
const ORDERS_SCALE = ['#f4f6fb', '#a9b8e8', '#3f5fc4'];
const CELL = { borderColor: '#fff', borderWidth: 1 };
/** Both weeks drawn the same size, so the eye can compare them cell by cell. */
const WEEK_HEIGHT = 270;

/** The segment a segmentation opens on: its largest weekly-habit segment, else its largest segment. */
export const defaultSegment = (segments: Counts['segments']): string | undefined =>
  (segments.find((s) => HABIT.test(s.segment)) ?? segments[0])?.segment;

export function BehaviourPage() {
  const { t } = useSession();
  const [name, setName] = useState(DEFAULT_SEGMENTATION);
  const [chosen, setChosen] = useState<string | null>(null);
  const [lift, setLift] = useState(false);
  const counts = useApi<Counts>(`/v1/segmentations/${encodeURIComponent(name)}`);
  const segment =
    counts.state === 'ok'
      ? chosen !== null && counts.data.segments.some((s) => s.segment === chosen)
        ? chosen
        : defaultSegment(counts.data.segments)
      : undefined;
  const grid = useApi<SegmentWeekdayHour>(
    segment === undefined
      ? null
      : `/v1/segmentations/${encodeURIComponent(name)}/segments/${encodeURIComponent(segment)}/weekday-hour`,
  );
  return (
    <>
      <div className="controls">
        <SegmentationPicker
          value={name}
          onChange={(n) => {
            setName(n);
            setChosen(null);
          }}
        />
        <Load loaded={counts}>
          {(c) => (
            <label>
              {t('Segment')}{' '}
              <select data-testid="segment" value={segment} onChange={(e) => setChosen(e.target.value)}>
                {c.segments.map((s) => (
                  <option key={s.segment} value={s.segment}>
                    {s.segment} ({s.customers})
                  </option>
                ))}
              </select>
            </label>
          )}
        </Load>
        <label>
          <input
            type="checkbox"
            data-testid="lift"
            checked={lift}
            onChange={(e) => setLift(e.target.checked)}
          />{' '}
          {t('Lift vs everyone')}
        </label>
      </div>
      {segment !== undefined && <Load loaded={grid}>{(w) => <SegmentWeek w={w} lift={lift} />}</Load>}
    </>
  );
}

function SegmentWeek({ w, lift }: { w: SegmentWeekdayHour; lift: boolean }) {
  const { t, lang } = useSession();
  const n = (v: number, d = 0) => formatNumber(lang, v, d);
  // Lift: the segment's orders in a cell over those expected at everyone's rhythm (its orders × everyone's share
  // of the cell), both plus PSEUDO orders, so a cell with one or two orders does not look like a habit.
  const cells: [number, number, number | null][] = [];
  let peak = { d: 0, h: 0, v: -1 };
  for (let d = 0; d < 7; d++)
    for (let h = 0; h < 24; h++) {
      const s = w.segmentGrid[d]![h]!;
      const a = w.allGrid[d]![h]!;
      const v = lift
        ? w.allOrders > 0
          ? (s + PSEUDO) / ((w.segmentOrders * a) / w.allOrders + PSEUDO)
          : null
        : s;
      cells.push([h, d, v === null ? null : Math.round(v * 100) / 100]);
      if (s > peak.v) peak = { d, h, v: s };
    }
  const share = (g: number[][], total: number) => (total > 0 ? (100 * g[peak.d]![peak.h]!) / total : 0);
  const max = Math.max(1, ...cells.map((c) => c[2] ?? 0));
  return (
    <>
      <div className="kpis">
        <Kpi label={t('Customers')} value={n(w.customers)} />
        <Kpi label={t('Orders')} value={n(w.segmentOrders)} />
        <Kpi
          label={t('Busiest hour')}
          value={w.segmentOrders > 0 ? `${t(WEEKDAYS[peak.d]!)} ${peak.h}:00` : '–'}
        />
        <Kpi
          label={t('Share of orders then: segment vs everyone')}
          value={`${n(share(w.segmentGrid, w.segmentOrders), 1)}% / ${n(share(w.allGrid, w.allOrders), 1)}%`}
        />
      </div>
      <section>
        <h3>
          {lift
            ? t('Lift of this segment vs everyone, by weekday and hour')
            : t('Orders by weekday and hour')}{' '}
          — {w.segment}
        </h3>
        <Chart
          testId="segment-weekday-hour"
          height={WEEK_HEIGHT}
          option={{
            tooltip: {
              formatter: (p: { data: [number, number, number | null] }) =>
                `${t(WEEKDAYS[p.data[1]]!)} ${p.data[0]}:00<br/>${lift ? t('Lift') : t('Orders')}: ${p.data[2] ?? '–'}`,
            },
            grid: { left: 50, right: 90, top: 10, bottom: 30 },
            xAxis: { type: 'category', data: Array.from({ length: 24 }, (_, h) => String(h)) },
            yAxis: { type: 'category', data: WEEKDAYS.map(t), inverse: true },
            visualMap: {
              // Lift: white at 1 (as everyone), red from twice as often, blue when never.
              min: 0,
              max: lift ? 2 : max,
              orient: 'vertical',
              right: 0,
              top: 'center',
              calculable: true,
              inRange: { color: lift ? ['#2c7bb6', '#f7f7f7', '#d7191c'] : ORDERS_SCALE },
            },
            series: [{ type: 'heatmap', name: lift ? t('Lift') : t('Orders'), data: cells, itemStyle: CELL }],
          }}
        />
        {!lift && (
          <>
            <h3>{t('Everyone, for comparison')}</h3>
            <Chart
              testId="all-weekday-hour"
              height={WEEK_HEIGHT}
              option={{
                tooltip: {},
                grid: { left: 50, right: 90, top: 10, bottom: 30 },
                xAxis: { type: 'category', data: Array.from({ length: 24 }, (_, h) => String(h)) },
                yAxis: { type: 'category', data: WEEKDAYS.map(t), inverse: true },
                visualMap: {
                  min: 0,
                  max: Math.max(1, ...w.allGrid.flat()),
                  orient: 'vertical',
                  right: 0,
                  top: 'center',
                  calculable: true,
                  inRange: { color: ORDERS_SCALE },
                },
                series: [
                  {
                    type: 'heatmap',
                    name: t('Orders'),
                    itemStyle: CELL,
                    data: w.allGrid.flatMap((row, d) => row.map((v, h) => [h, d, v])),
                  },
                ],
              }}
            />
          </>
        )}
      </section>
    </>
  );
}
