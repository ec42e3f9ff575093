import type { FrequencySketch } from './frequency-sketch';

/**
 * A least-recently-used map bounded by the bytes its values hold rather than by their count. With a
 * {@link FrequencySketch} it also filters what comes in (TinyLFU): a new key is stored only if it was asked
 * for more often than each entry it would evict, so a long tail of one-off keys cannot push out the popular
 * ones. Replacing a key's value is always allowed.
 */
export class ByteLruCache<V> {
  // A Map iterates in insertion order: re-inserting on access keeps the least recently used first.
  private readonly entries = new Map<string, { value: V; bytes: number }>();
  private totalBytes = 0;
  // Already the most recently used: a hot key read over and over needs no re-insertion.
  private lastUsed: string | undefined;

  constructor(
    private readonly maxBytes: number,
    private readonly sizeOf: (value: V) => number,
    private readonly sketch?: FrequencySketch,
  ) {}

  /** The value under `key`, marked as just used; the request counts towards the key's popularity. */
  get(key: string): V | undefined {
    this.sketch?.increment(key);
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (key !== this.lastUsed) {
      this.entries.delete(key);
      this.entries.set(key, entry);
      this.lastUsed = key;
    }
    return entry.value;
  }

  /** The value under `key`, leaving its recency and popularity as they are. */
  peek(key: string): V | undefined {
    return this.entries.get(key)?.value;
  }

  /**
   * Stores `value`, evicting the least recently used; returns false (and stores nothing) when it alone is too
   * big, or when admission turned a new key away.
   */
  set(key: string, value: V): boolean {
    const bytes = this.sizeOf(value) + key.length;
    const replacing = this.entries.has(key);
    this.delete(key);
    if (bytes > this.maxBytes) return false;
    if (!replacing && !this.admits(key, bytes)) return false;
    while (this.totalBytes + bytes > this.maxBytes) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.delete(oldest.value);
    }
    this.entries.set(key, { value, bytes });
    this.totalBytes += bytes;
    this.lastUsed = key;
    return true;
  }

  // The victims are the entries eviction would take, least recently used first.
  private admits(key: string, bytes: number): boolean {
    let free = this.maxBytes - this.totalBytes;
    if (!this.sketch || free >= bytes) return true;
    const frequency = this.sketch.frequency(key);
    for (const [victim, entry] of this.entries) {
      if (this.sketch.frequency(victim) >= frequency) return false;
      free += entry.bytes;
      if (free >= bytes) return true;
    }
    return true;
  }

  /** Removes `key`, if present. */
  delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.totalBytes -= entry.bytes;
    if (key === this.lastUsed) this.lastUsed = undefined;
  }

  /** Bytes currently held, as counted by `sizeOf`. */
  get bytes(): number {
    return this.totalBytes;
  }

  /** Entries currently held. */
  get size(): number {
    return this.entries.size;
  }
}
