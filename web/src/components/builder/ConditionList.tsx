import type { ReactNode } from 'react';
import { useSession } from '../../context.js';
import { EventCondition } from './EventCondition.js';
import { FieldCondition } from './FieldCondition.js';
import { type Located, problemsAt } from './request.js';
import { type Catalogue, isNode, type Node, newEvent, newField, newGroup } from './rule.js';

/** A list of conditions joined by all / any, with buttons to add field, event and nested group conditions. */
export function ConditionList({
  match,
  conditions,
  onMatch,
  onConditions,
  catalogue,
  testId,
  path,
  located,
}: {
  match: string;
  conditions: unknown[];
  onMatch: (match: 'all' | 'any') => void;
  onConditions: (conditions: unknown[]) => void;
  catalogue: Catalogue;
  testId: string;
  /** Where the list is in the definition (`conditions`), to place the server's located problems. */
  path: string;
  located: readonly Located[];
}) {
  const { t } = useSession();
  const firstField = catalogue.fields[0]?.name ?? 'traits.key';
  const firstEvent = catalogue.eventTypes[0]?.type ?? 'purchase';
  const add = (node: Node) => onConditions([...conditions, node]);
  return (
    <div className="builder-group" data-testid={testId}>
      <div className="builder-match">
        {t('Customers matching')}{' '}
        <select
          data-testid={`${testId}-match`}
          value={match}
          onChange={(e) => onMatch(e.target.value === 'any' ? 'any' : 'all')}
        >
          <option value="all">{t('all of')}</option>
          <option value="any">{t('any of')}</option>
        </select>{' '}
        {t('these conditions')}
      </div>
      <ol className="builder-conditions">
        {conditions.map((c, i) => (
          <li
            // biome-ignore lint/suspicious/noArrayIndexKey: conditions have no identity but their position
            key={i}
          >
            <ConditionRow
              node={c}
              catalogue={catalogue}
              testId={`${testId}-${i}`}
              path={`${path}[${i}]`}
              located={located}
              onChange={(n) => onConditions(conditions.map((x, j) => (j === i ? n : x)))}
              onRemove={() => onConditions(conditions.filter((_, j) => j !== i))}
            />
          </li>
        ))}
      </ol>
      <div className="builder-add">
        <button type="button" data-testid={`${testId}-add-field`} onClick={() => add(newField(firstField))}>
          + {t('Field condition')}
        </button>
        <button type="button" data-testid={`${testId}-add-event`} onClick={() => add(newEvent(firstEvent))}>
          + {t('Event condition')}
        </button>
        <button type="button" data-testid={`${testId}-add-group`} onClick={() => add(newGroup(firstField))}>
          + {t('Group')}
        </button>
      </div>
    </div>
  );
}

/** One condition: its editor, a NOT toggle and a remove button; kinds without a visual editor show as JSON. */
function ConditionRow({
  node,
  catalogue,
  onChange,
  onRemove,
  testId,
  path,
  located,
}: {
  node: unknown;
  catalogue: Catalogue;
  onChange: (node: Node) => void;
  onRemove: () => void;
  testId: string;
  path: string;
  located: readonly Located[];
}) {
  const { t } = useSession();
  const negated = isNode(node) && node.kind === 'not';
  const inner = negated ? node.condition : node;
  const set = (n: Node) => onChange(negated ? { kind: 'not', condition: n } : n);
  const innerPath = negated ? `${path}.condition` : path;
  const mine = problemsAt(located, innerPath);
  let editor: ReactNode;
  if (!isNode(inner)) editor = <code>{JSON.stringify(inner)}</code>;
  else if (inner.kind === 'field')
    editor = <FieldCondition node={inner} fields={catalogue.fields} onChange={set} testId={testId} />;
  else if (inner.kind === 'event' || inner.kind === 'not_done')
    editor = <EventCondition node={inner} eventTypes={catalogue.eventTypes} onChange={set} testId={testId} />;
  else if ((inner.kind === 'all' || inner.kind === 'any') && Array.isArray(inner.conditions))
    editor = (
      <ConditionList
        match={inner.kind}
        conditions={inner.conditions}
        onMatch={(m) => set({ ...inner, kind: m })}
        onConditions={(cs) => set({ ...inner, conditions: cs })}
        catalogue={catalogue}
        testId={testId}
        path={`${innerPath}.conditions`}
        located={located}
      />
    );
  else
    editor = (
      <span>
        <code className="builder-raw">{JSON.stringify(inner)}</code>{' '}
        <span className="muted">({t('edit in the JSON tab')})</span>
      </span>
    );
  return (
    <div
      className={`builder-row${negated ? ' negated' : ''}${mine.length > 0 ? ' has-problem' : ''}`}
      data-testid={testId}
    >
      <button
        type="button"
        className={`builder-not${negated ? ' on' : ''}`}
        title={t('Negate: customers for whom this does not hold')}
        data-testid={`${testId}-not`}
        onClick={() =>
          negated ? onChange(isNode(inner) ? inner : {}) : onChange({ kind: 'not', condition: node })
        }
      >
        {t('NOT')}
      </button>
      <div className="builder-editor">
        {editor}
        {mine.length > 0 ? (
          <ul className="builder-problems builder-row-problems" data-testid={`${testId}-problems`}>
            {mine.map((p) => (
              <li key={`${p.path}:${p.message}`}>
                {p.path.slice(innerPath.length + 1) || p.path}: {p.message}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <button
        type="button"
        className="builder-remove"
        title={t('Remove')}
        aria-label={t('Remove')}
        data-testid={`${testId}-remove`}
        onClick={onRemove}
      >
        ×
      </button>
    </div>
  );
}
