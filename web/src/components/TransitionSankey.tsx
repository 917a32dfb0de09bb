import { useSession } from '../context.js';
import { formatNumber } from '../i18n.js';
import type { Transitions } from '../types.js';
import { useApi } from '../use-api.js';
import { Chart } from './Chart.js';
import { Load } from './Load.js';

/**
 * How customers moved between the segments of a segmentation from the previous run to the latest (a Sankey);
 * with a single run, how to make an earlier one.
 */
export function TransitionSankey({ segmentation }: { segmentation: string }) {
  const { t, lang } = useSession();
  const loaded = useApi<Transitions>(`/v1/segmentations/${encodeURIComponent(segmentation)}/transitions`);
  return (
    <section>
      <h3>{t('Stage transitions between runs')}</h3>
      <Load loaded={loaded}>
        {(x) =>
          x.fromRun === null ? (
            <p className="muted" data-testid="transitions-one-run">
              {t('Only one analysis run so far: transitions need two. Analyse an earlier date too, e.g.')}{' '}
              <code>segmenta analyze --as-of {earlier(x.toAsOf)}</code>
            </p>
          ) : (
            <>
              <p className="muted">
                {x.fromAsOf} → {x.toAsOf} · {t('stayed in their stage')}:{' '}
                {formatNumber(lang, 100 * (x.kept ?? 0), 1)}%
              </p>
              <Chart
                testId="transitions"
                height={Math.max(420, x.nodes.length * 22)}
                option={{
                  tooltip: {
                    formatter: (p: {
                      dataType: string;
                      value: number;
                      data: { source?: string; target?: string; segment?: string };
                    }) =>
                      p.dataType === 'edge'
                        ? `${p.data.source?.slice(5)} → ${p.data.target?.slice(3)}: ${formatNumber(lang, p.value)}`
                        : `${p.data.segment}: ${formatNumber(lang, p.value)}`,
                  },
                  series: [
                    {
                      type: 'sankey',
                      left: 10,
                      right: 150,
                      nodeGap: 10,
                      // Keep the API's order (the segmentation's own: stages in lifecycle order).
                      layoutIterations: 0,
                      emphasis: { focus: 'adjacency' },
                      lineStyle: { color: 'gradient', opacity: 0.35 },
                      label: { formatter: (p: { data: { segment: string } }) => p.data.segment },
                      data: x.nodes.map((n) => ({
                        name: n.id,
                        segment: n.segment,
                        depth: n.side === 'from' ? 0 : 1,
                        // A segment wears the same colour on both sides.
                        itemStyle: { color: colours(x.nodes)(n.segment) },
                      })),
                      links: x.links.map((l) => ({ source: l.source, target: l.target, value: l.customers })),
                    },
                  ],
                }}
              />
            </>
          )
        }
      </Load>
    </section>
  );
}

/** Twenty distinct colours (Tableau 20), enough for every lifecycle stage. */
const PALETTE = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
  '#a0cbe8',
  '#ffbe7d',
  '#ff9d9a',
  '#86bcb6',
  '#8cd17d',
  '#f1ce63',
  '#d4a6c8',
  '#fabfd2',
  '#d7b5a6',
  '#79706e',
];

/** One colour per segment, by its first appearance in the nodes; new and gone customers in grey. */
function colours(nodes: readonly { segment: string }[]): (segment: string) => string {
  const order = [...new Set(nodes.map((n) => n.segment))];
  return (segment) =>
    segment === '(new)' || segment === '(gone)'
      ? '#b8bfcc'
      : PALETTE[order.indexOf(segment) % PALETTE.length]!;
}

/** A date a quarter before the given one, as a suggestion for the earlier run. */
const earlier = (asOf: string) => {
  const d = new Date(`${asOf}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - 3);
  return d.toISOString().slice(0, 10);
};
