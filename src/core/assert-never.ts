/** Exhaustiveness guard: every `switch` over a discriminated union ends here. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`unexpected ${what}: ${JSON.stringify(value)}`);
}
