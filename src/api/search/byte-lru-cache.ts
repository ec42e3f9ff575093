/** A least-recently-used map bounded by the bytes its values hold rather than by their count. */
export class ByteLruCache<V> {
  // A Map iterates in insertion order: re-inserting on access keeps the least recently used first.
  private readonly entries = new Map<string, { value: V; bytes: number }>();
  private totalBytes = 0;
  // Already the most recently used: a hot key read over and over needs no re-insertion.
  private lastUsed: string | undefined;

  constructor(
    private readonly maxBytes: number,
    private readonly sizeOf: (value: V) => number,
  ) {}

  /** The value under `key`, marked as just used. */
  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (key !== this.lastUsed) {
      this.entries.delete(key);
      this.entries.set(key, entry);
      this.lastUsed = key;
    }
    return entry.value;
  }

  /** Stores `value`, evicting the least recently used; returns false (and stores nothing) when it alone is too big. */
  set(key: string, value: V): boolean {
    const bytes = this.sizeOf(value) + key.length;
    this.delete(key);
    if (bytes > this.maxBytes) return false;
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
