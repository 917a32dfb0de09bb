/**
 * A scalable Bloom filter of event ids: "certainly new" or "maybe seen". New ids (nearly all) are applied to
 * the live engine the moment they arrive; "maybe seen" ids are checked against the warehouse first. Layers are
 * added as it fills, each sized for a false-positive rate of about 1 in 100,000 (24 bits and 16 probes per id).
 */
export class IdFilter {
  private readonly layers: { bits: Uint32Array; mask: number; count: number; capacity: number }[] = [];

  constructor(initialCapacity = 1 << 20) {
    this.addLayer(initialCapacity);
  }

  private addLayer(capacity: number): void {
    let size = 32;
    while (size < capacity * 24) size *= 2;
    this.layers.push({ bits: new Uint32Array(size / 32), mask: size - 1, count: 0, capacity });
  }

  private static hashes(id: string): [number, number] {
    // FNV-1a and a murmur-style mix over UTF-16 code units; double hashing gives the probes.
    let h1 = 0x811c9dc5;
    let h2 = 0x9747b28c;
    for (let i = 0; i < id.length; i++) {
      const c = id.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995);
      h2 ^= h2 >>> 15;
    }
    h2 = Math.imul(h2 ^ (h2 >>> 13), 0xc2b2ae35);
    return [h1 >>> 0, (h2 ^ (h2 >>> 16)) | 1];
  }

  add(id: string): void {
    let layer = this.layers[this.layers.length - 1]!;
    if (layer.count >= layer.capacity) {
      this.addLayer(layer.capacity * 2);
      layer = this.layers[this.layers.length - 1]!;
    }
    const [a, b] = IdFilter.hashes(id);
    for (let i = 0; i < 16; i++) {
      const bit = (a + Math.imul(i, b)) & layer.mask;
      layer.bits[bit >>> 5]! |= 1 << (bit & 31);
    }
    layer.count++;
  }

  mightContain(id: string): boolean {
    const [a, b] = IdFilter.hashes(id);
    for (const layer of this.layers) {
      let all = true;
      for (let i = 0; i < 16; i++) {
        const bit = (a + Math.imul(i, b)) & layer.mask;
        if ((layer.bits[bit >>> 5]! & (1 << (bit & 31))) === 0) {
          all = false;
          break;
        }
      }
      if (all) return true;
    }
    return false;
  }
}
