/** One inventory request as `GET /control/partners/:id/requests` lists it. */
export interface PartnerRequestEntry {
  at: string;
  productId: string;
  /** The `date` query parameter as sent, null when missing. */
  date: string | null;
  status: number;
}

/** How many requests a partner remembers: enough for any test, bounded for a long-running simulator. */
export const PARTNER_LOG_CAPACITY = 100_000;

/** The most recent requests, oldest first, in a ring so a full log drops its oldest in O(1). */
export class PartnerRequestLog {
  private readonly entries: PartnerRequestEntry[] = [];
  /** Index of the oldest entry once the ring is full. */
  private start = 0;

  constructor(private readonly capacity = PARTNER_LOG_CAPACITY) {}

  /** Adds an entry, dropping the oldest when full. */
  add(entry: PartnerRequestEntry): void {
    if (this.entries.length < this.capacity) {
      this.entries.push(entry);
      return;
    }
    this.entries[this.start] = entry;
    this.start = (this.start + 1) % this.capacity;
  }

  /** The entries, oldest first. */
  list(): PartnerRequestEntry[] {
    return [...this.entries.slice(this.start), ...this.entries.slice(0, this.start)];
  }
}
