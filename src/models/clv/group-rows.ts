/**
 * Groups rows by exact equality of several float columns with an open-addressing hash table (no string keys),
 * so a million customers collapse to their distinct patterns in tens of milliseconds.
 * Returns, per group, the first row in input order, and per row its group.
 */
export function groupRows(
  columns: readonly Float64Array[],
  n: number,
): { group: Int32Array; firstRow: Int32Array } {
  let size = 16;
  while (size < 2 * n) size *= 2;
  const mask = size - 1;
  const table = new Int32Array(size).fill(-1);
  const group = new Int32Array(n);
  const first: number[] = [];
  const f64 = new Float64Array(1);
  const u32 = new Uint32Array(f64.buffer);
  for (let i = 0; i < n; i++) {
    let h = 0x811c9dc5;
    for (const col of columns) {
      f64[0] = (col[i] as number) + 0; // +0 folds −0 into 0
      h = Math.imul(h ^ (u32[0] as number), 0x01000193);
      h = Math.imul(h ^ (u32[1] as number), 0x01000193);
    }
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    h ^= h >>> 12;
    let slot = h & mask;
    for (;;) {
      const g = table[slot] as number;
      if (g === -1) {
        table[slot] = first.length;
        group[i] = first.length;
        first.push(i);
        break;
      }
      const r = first[g] as number;
      let same = true;
      for (const col of columns) {
        if ((col[r] as number) !== (col[i] as number)) {
          same = false;
          break;
        }
      }
      if (same) {
        group[i] = g;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  return { group, firstRow: Int32Array.from(first) };
}
