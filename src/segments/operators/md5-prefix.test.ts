import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/rng.js';
import { md5Prefix } from './md5-prefix.js';

const reference = (s: string) => createHash('md5').update(s).digest().readUInt32BE(0);

describe('md5Prefix', () => {
  it('equals node:crypto on edge lengths, non-ASCII and random texts', () => {
    const fixed = ['', 'a', 'salt:c1', 'ñandú:€', 'x'.repeat(55), 'x'.repeat(56), 'y'.repeat(200), '😀:id'];
    const r = createRng(3);
    const random = Array.from({ length: 2000 }, () =>
      String.fromCodePoint(
        ...Array.from({ length: r.int(70) }, () => (r.next() < 0.9 ? 32 + r.int(95) : 160 + r.int(2000))),
      ),
    );
    for (const s of [...fixed, ...random]) expect(md5Prefix(s), s).toBe(reference(s));
    expect(md5Prefix('salt:c1')).toBe(481642253);
  });
});
