/**
 * Words for a feature, used when a cluster sits above or below the whole base on it: a tuple
 * `[above, below]` (e.g. `frequency: ['frequent', 'occasional']`) or an object; `noun: true` marks words that
 * can end a name (e.g. `['high-spenders', 'low-spenders']`). Words ending in "-ers" ("spenders", "bargain
 * hunters", "shoppers") count as nouns too.
 */
export type FeatureWords =
  | readonly [above: string, below: string]
  | { readonly above: string; readonly below: string; readonly noun?: boolean };

export type Vocabulary = Readonly<Record<string, FeatureWords>>;

/** A feature that sets a cluster apart, as `profileClusters` reports it. */
export interface Distinguishing {
  readonly feature: string;
  /** Standardised mean difference against the whole base. */
  readonly smd: number;
}

export interface NameOptions {
  /** Noun to end the name with when no chosen word is one. Default 'customers'. */
  readonly noun?: string;
  /** Words taken from the top features. Default 3. */
  readonly maxWords?: number;
  /** Minimum |SMD| for a feature to be named. Default 0.3. */
  readonly minEffect?: number;
}

const isNoun = (word: string, flagged: boolean | undefined) => flagged ?? /ers$/i.test(word);

/**
 * A readable name from the strongest distinguishing features, strongest first, nouns last:
 * frequency +1.2, recency +0.9, monetary +0.8 with `{ monetary: ['high-spenders', 'low-spenders'], ... }`
 * gives "Frequent recent high-spenders". Features without words are skipped; no standout gives "Typical
 * customers".
 */
export function nameCluster(
  features: readonly Distinguishing[],
  vocabulary: Vocabulary,
  options: NameOptions = {},
): string {
  const maxWords = options.maxWords ?? 3;
  const minEffect = options.minEffect ?? 0.3;
  const adjectives: string[] = [];
  const nouns: string[] = [];
  const ranked = [...features].sort((a, b) => Math.abs(b.smd) - Math.abs(a.smd));
  for (const f of ranked) {
    if (adjectives.length + nouns.length >= maxWords || Math.abs(f.smd) < minEffect) break;
    const words = vocabulary[f.feature];
    if (!words) continue;
    const w = 'above' in words ? words : { above: words[0], below: words[1], noun: undefined };
    const word = f.smd > 0 ? w.above : w.below;
    if (!word) continue;
    (isNoun(word, w.noun) ? nouns : adjectives).push(word);
  }
  const noun = options.noun ?? 'customers';
  const words = [...adjectives, ...(nouns.length > 0 ? nouns : [noun])];
  if (adjectives.length === 0 && nouns.length === 0) return `Typical ${noun}`;
  const name = words.join(' ');
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** Make names unique by numbering repeats: "Lapsed customers", "Lapsed customers (2)". */
export function uniqueNames(names: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((name) => {
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return count === 1 ? name : `${name} (${count})`;
  });
}
