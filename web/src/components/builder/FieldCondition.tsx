import { useSession } from '../../context.js';
import { type FieldInfo, fieldType, type Node, OPS, withOp } from './rule.js';
import { SyncedInput } from './SyncedInput.js';
import { ValueInputs } from './ValueInputs.js';

export const OP_LABELS: Record<string, string> = {
  '=': '=',
  '!=': '≠',
  '<': '<',
  '<=': '≤',
  '>': '>',
  '>=': '≥',
  between: 'between',
  in: 'is one of',
  contains: 'contains',
  exists: 'is set',
};

const GROUPS = [
  ['customer', 'Customer attributes'],
  ['trait', 'Traits'],
  ['score', 'Scores (latest analysis)'],
] as const;
const OTHER_TRAIT = '\u0000trait';

/** field picker (grouped customer / trait / score) + an operator valid for its type + value input(s). */
export function FieldCondition({
  node,
  fields,
  onChange,
  testId,
}: {
  node: Node;
  fields: FieldInfo[];
  onChange: (node: Node) => void;
  testId: string;
}) {
  const { t } = useSession();
  const field = typeof node.field === 'string' ? node.field : '';
  const type = fieldType(fields, field);
  const known = fields.some((f) => f.name === field);
  const customTrait = !known && field.startsWith('traits.');
  const ops = OPS[type];
  const pick = (name: string) => {
    const next = fieldType(fields, name);
    const op = typeof node.op === 'string' && OPS[next].includes(node.op) ? node.op : 'exists';
    // A value typed for the old field rarely fits the new one: start the test over unless the type is the same.
    onChange(next === type ? { ...node, field: name } : withOp({ kind: 'field', field: name }, op, next));
  };
  return (
    <>
      <select
        data-testid={`${testId}-field`}
        aria-label={t('Field')}
        value={customTrait ? OTHER_TRAIT : field}
        onChange={(e) => pick(e.target.value === OTHER_TRAIT ? 'traits.' : e.target.value)}
      >
        {!known && !customTrait ? <option value={field}>{field || '—'}</option> : null}
        {GROUPS.map(([source, label]) => {
          const list = fields.filter((f) => f.source === source);
          return list.length === 0 && source !== 'trait' ? null : (
            <optgroup key={source} label={t(label)}>
              {list.map((f) => (
                <option key={f.name} value={f.name}>
                  {f.name}
                </option>
              ))}
              {source === 'trait' ? <option value={OTHER_TRAIT}>traits.…</option> : null}
            </optgroup>
          );
        })}
      </select>
      {customTrait ? (
        <SyncedInput
          data-testid={`${testId}-trait`}
          aria-label={t('Trait key')}
          placeholder={t('Trait key')}
          className="builder-value"
          value={field.slice('traits.'.length)}
          parse={(s) => s.trim()}
          format={(s) => s}
          onValue={(k) => onChange({ ...node, field: `traits.${k}` })}
        />
      ) : null}
      <select
        data-testid={`${testId}-op`}
        aria-label={t('Operator')}
        value={typeof node.op === 'string' ? node.op : ''}
        onChange={(e) => onChange(withOp(node, e.target.value, type))}
      >
        {ops.map((op) => (
          <option key={op} value={op}>
            {t(OP_LABELS[op] ?? op)}
          </option>
        ))}
      </select>
      <ValueInputs node={node} type={type} onChange={onChange} testId={testId} />
    </>
  );
}
