import { useState } from 'react';
import { Chart } from '../components/Chart.js';
import { ProfileHeatmap } from '../components/explorer/ProfileHeatmap.js';
import { QualityScorecard } from '../components/explorer/QualityScorecard.js';
import { Load } from '../components/Load.js';
import { SegmentationPicker } from '../components/SegmentationPicker.js';
import { useSession } from '../context.js';
import { useApi } from '../use-api.js';

interface Counts {
  segments: { segment: string; customers: number; share: number; meanMonetaryNet: number }[];
}
interface Patterns {
  statements: { text: { en: string; es: string } }[];
}

export function SegmentsPage() {
  const { t, lang } = useSession();
  const [name, setName] = useState('rfm');
  const counts = useApi<Counts>(`/v1/segmentations/${encodeURIComponent(name)}`);
  const patterns = useApi<Patterns>(`/v1/patterns?segmentation=${encodeURIComponent(name)}&limit=10`);
  return (
    <>
      <SegmentationPicker value={name} onChange={setName} />
      <Load loaded={counts}>
        {(c) => (
          <section>
            <h3>{t('Segments')}</h3>
            <Chart
              testId="segment-sizes"
              height={Math.max(260, c.segments.length * 28 + 100)}
              option={{
                tooltip: {
                  formatter: (p: { data: [number, string, number] }) =>
                    `${p.data[1]}<br/>${t('Customers')}: ${p.data[0]}<br/>${t('Mean')} ${t('Revenue')}: ${p.data[2]}`,
                },
                // The colour scale stands on the right, clear of the axis; the axis name sits centred below it.
                grid: { left: 170, right: 130, top: 15, bottom: 50 },
                xAxis: { type: 'value', name: t('Customers'), nameLocation: 'middle', nameGap: 30 },
                yAxis: { type: 'category', data: c.segments.map((s) => s.segment).reverse() },
                visualMap: {
                  dimension: 2,
                  min: Math.min(...c.segments.map((s) => Math.round(s.meanMonetaryNet))),
                  max: Math.max(1, ...c.segments.map((s) => Math.round(s.meanMonetaryNet))),
                  orient: 'vertical',
                  right: 10,
                  top: 'middle',
                  itemHeight: 140,
                  text: [`${t('Mean')} ${t('Revenue')}`, ''],
                  calculable: true,
                },
                series: [
                  {
                    type: 'bar',
                    name: t('Customers'),
                    encode: { x: 0, y: 1 },
                    data: c.segments
                      .map((s) => [s.customers, s.segment, Math.round(s.meanMonetaryNet)])
                      .reverse(),
                  },
                ],
              }}
            />
          </section>
        )}
      </Load>
      <QualityScorecard name={name} />
      <ProfileHeatmap name={name} />
      <section>
        <h3>{t('Hidden patterns')}</h3>
        <Load loaded={patterns}>
          {(p) =>
            p.statements.length === 0 ? (
              <p className="muted">{t('No significant patterns')}</p>
            ) : (
              <ul className="statements">
                {p.statements.map((s) => (
                  <li key={s.text.en}>{s.text[lang]}</li>
                ))}
              </ul>
            )
          }
        </Load>
      </section>
    </>
  );
}
