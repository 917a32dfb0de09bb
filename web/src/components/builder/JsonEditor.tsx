import { useEffect, useState } from 'react';
import { useSession } from '../../context.js';
import { type Definition, isNode } from './rule.js';

const show = (d: Definition) => JSON.stringify(d, null, 2);

/**
 * The raw definition, editable: text that parses to an object replaces the definition (the server validates it
 * and the problems show next to the editor); a syntax error stays here and changes nothing.
 */
export function JsonEditor({
  definition,
  onChange,
}: {
  definition: Definition;
  onChange: (d: Definition) => void;
}) {
  const { t } = useSession();
  const [text, setText] = useState(() => show(definition));
  const [syntax, setSyntax] = useState<string | null>(null);
  useEffect(() => {
    setText((current) => {
      try {
        if (JSON.stringify(JSON.parse(current)) === JSON.stringify(definition)) return current;
      } catch {
        // the user is mid-edit with broken JSON; the definition changed elsewhere, so show it
      }
      return show(definition);
    });
  }, [definition]);
  return (
    <div className="builder-json">
      <textarea
        data-testid="builder-json"
        spellCheck={false}
        value={text}
        rows={Math.min(30, Math.max(10, text.split('\n').length + 1))}
        onChange={(e) => {
          setText(e.target.value);
          try {
            const parsed: unknown = JSON.parse(e.target.value);
            if (!isNode(parsed)) throw new Error(t('expected a JSON object'));
            setSyntax(null);
            onChange(parsed as Definition);
          } catch (err) {
            setSyntax((err as Error).message);
          }
        }}
      />
      {syntax ? (
        <p className="builder-problem" data-testid="builder-json-syntax">
          JSON: {syntax}
        </p>
      ) : null}
    </div>
  );
}
