import type { ChooseKRow } from '../../models/cluster/index.js';
import type { PersonaCard } from './persona-cards.js';

const int = (v: number) => v.toLocaleString('en-US');
const fixed = (v: number | null | undefined, digits: number) =>
  v === null || v === undefined || !Number.isFinite(v) ? '-' : v.toFixed(digits);

/** The table of k a clustering was chosen from, the chosen row marked with `*`. */
export function formatKTable(table: readonly ChooseKRow[], chosen: number): string[] {
  return [
    `  ${'k'.padStart(4)}  ${'silhouette'.padStart(10)}  ${'Calinski-Harabasz'.padStart(17)}  ${'Davies-Bouldin'.padStart(14)}  ${'within SS'.padStart(12)}`,
    ...table.map(
      (r) =>
        `  ${`${r.k === chosen ? '*' : ' '}${r.k}`.padStart(4)}  ${fixed(r.silhouette, 3).padStart(10)}  ${int(Math.round(r.calinskiHarabasz)).padStart(17)}  ${fixed(r.daviesBouldin, 3).padStart(14)}  ${int(Math.round(r.inertia)).padStart(12)}`,
    ),
  ];
}

/** Persona cards: name, size and share, then the traits that set each cluster apart. */
export function formatPersonas(personas: readonly PersonaCard[], total: number): string[] {
  const w = Math.max(10, ...personas.map((p) => p.name.length));
  return personas.flatMap((p) => [
    `  ${String(p.cluster).padStart(2)}  ${p.name.padEnd(w)} ${int(p.size).padStart(10)}  ${((100 * p.size) / (total || 1)).toFixed(1).padStart(5)}%`,
    ...p.traits.map((t) => `        ${t.text}`),
  ]);
}

/** What `segmenta cluster` prints. */
export function formatClustering(c: {
  readonly runId: number;
  readonly asOf?: string;
  readonly name: string;
  readonly featureSet: string;
  readonly inputs: readonly string[];
  readonly k: number;
  readonly table: readonly ChooseKRow[] | null;
  readonly explanation: string;
  readonly personas: readonly PersonaCard[];
  readonly quality: {
    readonly silhouette: number | null;
    readonly silhouetteRows: number;
    readonly calinskiHarabasz: number | null;
    readonly daviesBouldin: number | null;
    readonly mapVariance: number;
  };
  readonly dropped?: readonly { readonly feature: string; readonly reason: string }[];
  readonly seconds?: number;
}): string {
  const total = c.personas.reduce((s, p) => s + p.size, 0);
  const q = c.quality;
  return [
    `Clustering "${c.name}" of run ${c.runId}${c.asOf ? ` (as of ${c.asOf})` : ''}: ${int(total)} customers, ${c.featureSet} features (${c.inputs.join(', ')})${c.seconds !== undefined ? `, in ${c.seconds.toFixed(1)} s` : ''}`,
    ...(c.dropped && c.dropped.length > 0
      ? [`Left out: ${c.dropped.map((d) => `${d.feature} (${d.reason})`).join(', ')}`]
      : []),
    '',
    ...(c.table ? ['Choosing k (* = chosen)', ...formatKTable(c.table, c.k), ''] : []),
    c.explanation,
    `Quality: silhouette ${fixed(q.silhouette, 3)} (${int(q.silhouetteRows)} customers sampled), Calinski-Harabasz ${q.calinskiHarabasz === null ? '-' : int(Math.round(q.calinskiHarabasz))}, Davies-Bouldin ${fixed(q.daviesBouldin, 3)}; the 2-D map shows ${(100 * q.mapVariance).toFixed(0)}% of the variance`,
    '',
    'Persona cards (cluster, name, customers, share; what sets them apart, against the whole base)',
    ...formatPersonas(c.personas, total),
    '',
    `Stored as segmentation "${c.name}" of run ${c.runId}: segmenta segmentations count ${c.name}  ·  segmenta quality segments --segmentation ${c.name}`,
  ].join('\n');
}
