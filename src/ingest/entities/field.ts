/** How a source column is read into a warehouse column. */
export type FieldType = 'id' | 'string' | 'number' | 'integer' | 'date' | 'timestamp' | 'boolean' | 'json';

export interface FieldSpec {
  /** Warehouse column (or a virtual input such as `age` or `margin` that the entity derives from). */
  readonly name: string;
  readonly type: FieldType;
  /** A row without it is rejected. */
  readonly required?: boolean;
  /** Header names recognised automatically (English and Spanish), compared after `normaliseHeader`. */
  readonly aliases: readonly string[];
  /** What the field means, for `--help` and the docs. */
  readonly doc: string;
}

/** Lower-case, strip accents and units, collapse non-alphanumerics to `_`: `Fecha Pedido` → `fecha_pedido`. */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\(.*?\)/g, ' ')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}
