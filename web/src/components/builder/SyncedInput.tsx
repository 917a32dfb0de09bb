import { type InputHTMLAttributes, useEffect, useState } from 'react';

/**
 * A text input over a parsed value: it keeps what the user typed ("1.", "gold, ") while the parsed value goes
 * up, and takes the value again when it changes from elsewhere (the JSON tab).
 */
export function SyncedInput<V>({
  value,
  parse,
  format,
  onValue,
  ...rest
}: {
  value: V;
  parse: (text: string) => V;
  format: (value: V) => string;
  onValue: (value: V) => void;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'>) {
  const [text, setText] = useState(() => format(value));
  useEffect(() => {
    setText((current) =>
      JSON.stringify(parse(current)) === JSON.stringify(value) ? current : format(value),
    );
  }, [value, parse, format]);
  return (
    <input
      {...rest}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        onValue(parse(e.target.value));
      }}
    />
  );
}
