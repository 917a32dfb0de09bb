import type { FieldInfo } from '../fields/field.js';

/** Where a profile field's values live: one slot per attribute or score column, one shared slot for traits. */
export const profileSlotKey = (f: FieldInfo): string =>
  f.source === 'trait' ? 'trait' : `${f.source}:${f.key}`;

/**
 * Profile values the live segments read, column-wise by customer index. Loaded from the warehouse when the
 * engine starts and when profiles are refreshed (an import or an analysis run), never per event.
 */
export class ProfileTable {
  private readonly slots = new Map<string, number>();
  private readonly fields: FieldInfo[] = [];
  private readonly columns: unknown[][] = [];

  slot(f: FieldInfo): number {
    const key = profileSlotKey(f);
    const known = this.slots.get(key);
    if (known !== undefined) return known;
    this.fields.push(f);
    this.columns.push([]);
    this.slots.set(key, this.columns.length - 1);
    return this.columns.length - 1;
  }

  /** The fields behind each slot (a trait slot holds the whole parsed traits object). */
  slotFields(): readonly FieldInfo[] {
    return this.fields;
  }

  value(slot: number, idx: number): unknown {
    return this.columns[slot]?.[idx];
  }

  set(slot: number, idx: number, value: unknown): void {
    this.columns[slot]![idx] = value;
  }

  /** Forget every value of a slot (before a reload). */
  clear(slot: number): void {
    this.columns[slot] = [];
  }
}
