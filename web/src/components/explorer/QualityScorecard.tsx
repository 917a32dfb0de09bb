import { useSession } from '../../context.js';
import { formatNumber } from '../../i18n.js';
import { useApi } from '../../use-api.js';
import { Load } from '../Load.js';
import { type Grade, type Headline, headlines, overall, type SegmentQuality, VERDICT } from './grade.js';

/** The segment-quality scorecard of a segmentation: headline figures graded good / fair / weak, and a verdict. */
export function QualityScorecard({ name }: { name: string }) {
  const { t } = useSession();
  const loaded = useApi<SegmentQuality>(`/v1/segmentations/${encodeURIComponent(name)}/quality`);
  return (
    <section data-testid="segment-quality">
      <h3>{t('Segment quality')}</h3>
      <Load loaded={loaded}>{(q) => <Scorecard q={q} />}</Load>
    </section>
  );
}

function Scorecard({ q }: { q: SegmentQuality }) {
  const { t, lang } = useSession();
  const list = headlines(q);
  const verdict = overall(list);
  return (
    <>
      {verdict !== null && (
        <p className={`verdict grade-${verdict}`} data-testid="segment-quality-verdict">
          <GradeTag grade={verdict} /> {t(VERDICT[verdict])}
        </p>
      )}
      <div className="scorecard">
        {list.map((h) => (
          <Figure key={h.id} h={h} />
        ))}
      </div>
      <p className="muted">
        {formatNumber(lang, q.quality.scorecard.overall.segments)} {t('segments')} ·{' '}
        {formatNumber(lang, q.customers)} {t('customers')} · {t('measured in the features')} {q.quality.space}
        {q.quality.stability === null ? ` · ${t('No earlier run to compare with')}` : ''}
      </p>
    </>
  );
}

function GradeTag({ grade }: { grade: Grade | null }) {
  const { t } = useSession();
  return <span className={`grade-tag grade-${grade ?? 'none'}`}>{grade === null ? '–' : t(grade)}</span>;
}

function Figure({ h }: { h: Headline }) {
  const { t, lang } = useSession();
  const value =
    h.value === null
      ? '–'
      : h.percent
        ? `${formatNumber(lang, 100 * h.value, 1)}%`
        : formatNumber(lang, h.value, 2);
  return (
    <div
      className={`kpi score grade-${h.grade ?? 'none'}`}
      data-testid={`quality-${h.id}`}
      title={`${t(h.explain)}\n${t(h.scale)}`}
    >
      <div className="kpi-label">{t(h.label)}</div>
      <div className="kpi-value">{value}</div>
      <GradeTag grade={h.grade} />
    </div>
  );
}
