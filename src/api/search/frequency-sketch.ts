const ROWS = 4;
const MAX_COUNT = 15;

/**
 * Approximately how often each key was asked for lately: a count-min sketch of small counters that halves
 * them all every `10 x width` increments, so that popularity fades and a key popular an hour ago does not
 * stay ahead of today's. It never forgets a key outright and never under-counts one (before a halving).
 */
export class FrequencySketch {
  private readonly counters: Uint8Array;
  private readonly mask: number;
  private additions = 0;
  private readonly sampleSize: number;

  /** `expectedKeys`: about how many distinct keys matter at once (e.g. what the cache can hold). */
  constructor(expectedKeys: number) {
    const width = 2 ** Math.ceil(Math.log2(Math.max(64, expectedKeys)));
    this.counters = new Uint8Array(width * ROWS);
    this.mask = width - 1;
    this.sampleSize = 10 * width;
  }

  /** Counts one request for `key`. */
  increment(key: string): void {
    const [h1, h2] = hashes(key);
    for (let row = 0; row < ROWS; row++) {
      const slot = this.slot(row, h1, h2);
      if (this.counters[slot]! < MAX_COUNT) this.counters[slot]! += 1;
    }
    if (++this.additions >= this.sampleSize) this.halve();
  }

  /** The estimated recent requests for `key` (at most 15). */
  frequency(key: string): number {
    const [h1, h2] = hashes(key);
    let least = MAX_COUNT;
    for (let row = 0; row < ROWS; row++) least = Math.min(least, this.counters[this.slot(row, h1, h2)]!);
    return least;
  }

  private slot(row: number, h1: number, h2: number): number {
    return row * (this.mask + 1) + ((h1 + Math.imul(row, h2)) & this.mask);
  }

  private halve(): void {
    for (let i = 0; i < this.counters.length; i++) this.counters[i]! >>= 1;
    this.additions = Math.floor(this.additions / 2);
  }
}

/** Two independent 32-bit hashes of `key` (FNV-1a and a multiplicative mix), for double hashing. */
function hashes(key: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x9e3779b9;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x85ebca6b) ^ (b >>> 13);
  }
  // An odd step visits every slot of a power-of-two row.
  return [a >>> 0, (b | 1) >>> 0];
}
