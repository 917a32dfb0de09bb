import { useEffect, useState } from 'react';
import { api } from '../api.js';
import { ConditionList } from '../components/builder/ConditionList.js';
import { JsonEditor } from '../components/builder/JsonEditor.js';
import { LiveCount } from '../components/builder/LiveCount.js';
import { MembershipLog } from '../components/builder/MembershipLog.js';
import { blankDefinition, type Catalogue, type Definition } from '../components/builder/rule.js';
import { SaveBar } from '../components/builder/SaveBar.js';
import { type SavedSegment, SegmentList } from '../components/builder/SegmentList.js';
import { type Preview, usePreview } from '../components/builder/use-preview.js';
import { Chart } from '../components/Chart.js';
import { Load } from '../components/Load.js';
import { useSession } from '../context.js';
import { type Loaded, useApi } from '../use-api.js';

/** The saved rule segments, fetched again whenever `version` changes (after a save). */
function useSegments(version: number): Loaded<{ items: SavedSegment[] }> {
  const { key } = useSession();
  const [result, setResult] = useState<Loaded<{ items: SavedSegment[] }>>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    // `version` only triggers the re-fetch.
    void version;
    api<{ items: SavedSegment[] }>(key, '/v1/segments').then(
      (data) => live && setResult({ state: 'ok', data }),
      (e: Error) => live && setResult({ state: 'error', message: e.message }),
    );
    return () => {
      live = false;
    };
  }, [key, version]);
  return result;
}

/**
 * Segment builder (issue 7): edit a rule visually or as JSON, see how many customers match as you type, save it
 * (a new segment, or a new version of the one loaded from the list) and see who entered and left.
 */
export function BuilderPage({ onKey }: { onKey: (key: string) => void }) {
  const { t } = useSession();
  const catalogue = useApi<Catalogue>('/v1/segments/fields');
  const [definition, setDefinition] = useState<Definition>(blankDefinition);
  const [editing, setEditing] = useState<string | null>(null);
  const [tab, setTab] = useState<'visual' | 'json'>('visual');
  const [version, setVersion] = useState(0);
  const segments = useSegments(version);
  const preview = usePreview(definition);
  const set = (patch: Partial<Definition>) => setDefinition((d) => ({ ...d, ...patch }));
  const conditions = Array.isArray(definition.conditions) ? definition.conditions : null;
  return (
    <div className="builder">
      <div className="builder-main">
        <section>
          <div className="builder-head">
            <label>
              {t('Name')}{' '}
              <input
                data-testid="builder-name"
                placeholder="lapsed-buyers"
                value={typeof definition.name === 'string' ? definition.name : ''}
                onChange={(e) => set({ name: e.target.value })}
              />
            </label>
            <label className="grow">
              {t('Description')}{' '}
              <input
                data-testid="builder-description"
                value={typeof definition.description === 'string' ? definition.description : ''}
                onChange={(e) => {
                  const { description: _, ...rest } = definition;
                  setDefinition(e.target.value === '' ? rest : { ...rest, description: e.target.value });
                }}
              />
            </label>
            {editing ? (
              <button
                type="button"
                data-testid="builder-new"
                onClick={() => {
                  setEditing(null);
                  setDefinition(blankDefinition());
                }}
              >
                {t('New segment')}
              </button>
            ) : null}
          </div>
          {editing ? (
            <p className="muted" data-testid="builder-editing">
              {t('Editing')} <b>{editing}</b>: {t('saving adds a new version.')}
            </p>
          ) : null}
          <div className="builder-tabs" role="tablist">
            {(['visual', 'json'] as const).map((id) => (
              <button
                key={id}
                type="button"
                role="tab"
                aria-selected={tab === id}
                className={tab === id ? 'active' : ''}
                data-testid={`builder-tab-${id}`}
                onClick={() => setTab(id)}
              >
                {id === 'visual' ? t('Visual') : 'JSON'}
              </button>
            ))}
          </div>
          {tab === 'json' ? (
            <JsonEditor definition={definition} onChange={setDefinition} />
          ) : (
            <Load loaded={catalogue}>
              {(c) =>
                conditions ? (
                  <ConditionList
                    match={definition.match === 'any' ? 'any' : 'all'}
                    conditions={conditions}
                    onMatch={(match) => set({ match })}
                    onConditions={(cs) => set({ conditions: cs as Definition['conditions'] })}
                    catalogue={c}
                    testId="cond"
                    path="conditions"
                    located={preview.state === 'invalid' ? preview.located : []}
                  />
                ) : (
                  <p className="muted">{t('"conditions" must be a list: fix it in the JSON tab.')}</p>
                )
              }
            </Load>
          )}
        </section>
      </div>
      <aside className="builder-side">
        <section data-testid="builder-live">
          <h3>{t('Live count')}</h3>
          <LiveCount preview={preview} />
          <SaveBar
            definition={definition}
            editing={editing}
            onKey={onKey}
            onSaved={(name) => {
              setEditing(name);
              setVersion((v) => v + 1);
            }}
          />
        </section>
      </aside>
      <section className="builder-list">
        <h3>{t('Rule segments')}</h3>
        <Load loaded={segments}>
          {(s) => (
            <>
              <SegmentList
                items={s.items}
                selected={editing}
                onPick={(seg) => {
                  setEditing(seg.name);
                  setDefinition(seg.definition);
                }}
              />
              <SizeChart items={s.items} preview={preview} draft={definition.name} />
            </>
          )}
        </Load>
      </section>
      {editing ? (
        <section className="builder-list">
          <h3>
            {t('Recent membership changes')}: {editing}
          </h3>
          <MembershipLog key={`${editing}:${version}`} name={editing} />
        </section>
      ) : null}
    </div>
  );
}

/** The saved segments' sizes next to the rule being edited. */
function SizeChart({ items, preview, draft }: { items: SavedSegment[]; preview: Preview; draft: string }) {
  const { t } = useSession();
  const live = preview.state === 'ok' ? preview.data.count : null;
  const rows = [
    ...(live === null
      ? []
      : [{ name: `${draft || t('this rule')} (${t('draft')})`, size: live, draft: true }]),
    ...items.map((s) => ({ name: s.name, size: s.size ?? 0, draft: false })),
  ];
  if (rows.length === 0)
    return (
      <Chart
        testId="builder-sizes"
        height={90}
        option={{
          title: {
            text: t('Sizes show here once a rule counts customers.'),
            left: 'center',
            top: 'middle',
            textStyle: { color: '#99a', fontSize: 13, fontWeight: 'normal' },
          },
          xAxis: { show: false },
          yAxis: { show: false },
          series: [],
        }}
      />
    );
  return (
    <Chart
      testId="builder-sizes"
      height={Math.max(150, rows.length * 26 + 75)}
      option={{
        tooltip: {},
        grid: { left: 190, right: 30, top: 10, bottom: 45 },
        xAxis: { type: 'value', name: t('Customers'), nameLocation: 'middle', nameGap: 28, minInterval: 1 },
        yAxis: { type: 'category', data: rows.map((r) => r.name).reverse() },
        series: [
          {
            type: 'bar',
            name: t('Customers'),
            data: rows
              .map((r) => ({ value: r.size, itemStyle: { color: r.draft ? '#e8a33d' : '#5470c6' } }))
              .reverse(),
          },
        ],
      }}
    />
  );
}
