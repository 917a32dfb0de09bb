import { useSession } from '../../context.js';
import { type FieldType, formatList, formatValue, type Node, parseList, parseValue } from './rule.js';
import { SyncedInput } from './SyncedInput.js';

/** The value input(s) of a comparison: none for exists, two for between, a comma list for in. */
export function ValueInputs({
  node,
  type,
  onChange,
  testId,
}: {
  node: Node;
  type: FieldType;
  onChange: (node: Node) => void;
  testId: string;
}) {
  const { t } = useSession();
  const one = (key: 'value' | 'low' | 'high', label?: string) => {
    if (type === 'boolean')
      return (
        <select
          data-testid={`${testId}-${key}`}
          value={String(node[key] === true)}
          onChange={(e) => onChange({ ...node, [key]: e.target.value === 'true' })}
        >
          <option value="true">{t('true')}</option>
          <option value="false">{t('false')}</option>
        </select>
      );
    return (
      <SyncedInput
        data-testid={`${testId}-${key}`}
        aria-label={label ?? t('Value')}
        className="builder-value"
        type={type === 'date' ? 'date' : 'text'}
        inputMode={type === 'number' ? 'decimal' : undefined}
        value={node[key]}
        parse={(s) => parseValue(s, type)}
        format={formatValue}
        onValue={(v) => onChange({ ...node, [key]: v })}
      />
    );
  };
  switch (node.op) {
    case 'exists':
      return null;
    case 'between':
      return (
        <>
          {one('low', t('From'))} <span className="muted">{t('and')}</span> {one('high', t('To'))}
        </>
      );
    case 'in':
      return (
        <SyncedInput
          data-testid={`${testId}-values`}
          aria-label={t('Values, separated by commas')}
          placeholder={t('Values, separated by commas')}
          className="builder-value wide"
          value={node.values}
          parse={(s) => parseList(s, type)}
          format={formatList}
          onValue={(v) => onChange({ ...node, values: v })}
        />
      );
    default:
      return one('value');
  }
}
