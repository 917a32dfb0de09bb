import { err, ok, type Result } from '../../core/result.js';
import type { ColumnType, TableColumn, Warehouse } from '../../warehouse/warehouse.js';
import { closest } from './edit-distance.js';
import type { FieldInfo, FieldType } from './field.js';

/** Customer columns that are bookkeeping, not profile fields. */
const NOT_FIELDS = new Set(['customer_id', 'traits', 'import_id', 'source_line', 'run_id']);

const TYPES: Partial<Record<ColumnType, FieldType>> = {
  VARCHAR: 'string',
  DOUBLE: 'number',
  INTEGER: 'number',
  BIGINT: 'number',
  BOOLEAN: 'boolean',
  DATE: 'date',
  TIMESTAMP: 'date',
};

/**
 * The profile fields rules can name: customer attributes (`age` or `customer.age`), traits (`traits.KEY`, any
 * key) and the columns of the latest analysis run's scores (`scores.p_alive`, or `p_alive` when no attribute has
 * that name: a bare name is the attribute first). Built from the tables' columns, so a new score column needs no
 * code change.
 */
export class FieldCatalogue {
  private readonly byName = new Map<string, FieldInfo>();

  constructor(customerColumns: readonly TableColumn[], scoreColumns: readonly TableColumn[]) {
    const add = (source: 'customer' | 'score', c: TableColumn) => {
      const type = TYPES[c.type];
      if (type === undefined || NOT_FIELDS.has(c.name)) return;
      const info: FieldInfo = {
        name: source === 'customer' ? c.name : `scores.${c.name}`,
        source,
        key: c.name,
        type,
      };
      this.byName.set(`${source === 'customer' ? 'customer' : 'scores'}.${c.name}`, info);
      // A bare name is the customer attribute when there is one (attributes come first), else the score.
      if (!this.byName.has(c.name)) this.byName.set(c.name, info);
    };
    for (const c of customerColumns) add('customer', c);
    for (const c of scoreColumns) add('score', c);
  }

  /** Read the columns of `customers` and `customer_scores` (absent tables contribute nothing). */
  static async load(wh: Warehouse): Promise<FieldCatalogue> {
    const describe = async (t: string) => {
      try {
        return await wh.describe(t);
      } catch {
        return [];
      }
    };
    return new FieldCatalogue(await describe('customers'), await describe('customer_scores'));
  }

  resolve(name: string): Result<FieldInfo, string> {
    if (name.startsWith('traits.') && name.length > 'traits.'.length) {
      return ok({ name, source: 'trait', key: name.slice('traits.'.length), type: 'json' });
    }
    const f = this.byName.get(name);
    if (f) return ok(f);
    const hint = closest(name, this.byName.keys());
    return err(
      `unknown field "${name}"${hint ? ` (did you mean "${hint}"?)` : ''}; fields are customer attributes, traits.KEY or scores.COLUMN`,
    );
  }

  /** Every field by canonical name, attributes first. */
  list(): FieldInfo[] {
    const seen = new Map<string, FieldInfo>();
    for (const f of this.byName.values()) seen.set(f.name, f);
    return [...seen.values()];
  }
}
