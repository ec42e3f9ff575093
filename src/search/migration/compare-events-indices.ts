import { createHash, type Hash } from 'node:crypto';
import type { IdVersion } from './id-version-scan';

/** How many documents an index holds and a checksum of their ids and versions in id order. */
export interface IndexDigest {
  count: number;
  checksum: string;
}

/** Two indices side by side: their digests and the ids where they differ. */
export interface IndexComparison {
  source: IndexDigest;
  target: IndexDigest;
  /** Ids the target lacks or holds at an older version than the source: what a catch-up copies. */
  behind: string[];
  /** Ids only the target holds, or holds at a newer version: never written through the source. */
  ahead: string[];
}

/**
 * Compares two scans in id order (scanIdVersions), one pass over each, holding only the differences.
 * Ids compare as Elasticsearch sorts keywords: by their UTF-8 bytes.
 */
export async function compareEventsIndices(
  source: AsyncIterable<IdVersion[]>,
  target: AsyncIterable<IdVersion[]>,
): Promise<IndexComparison> {
  const [left, right] = [new DigestingCursor(source), new DigestingCursor(target)];
  const behind: string[] = [];
  const ahead: string[] = [];
  let [a, b] = await Promise.all([left.next(), right.next()]);
  while (a || b) {
    const order = !a ? 1 : !b ? -1 : Buffer.compare(Buffer.from(a.id), Buffer.from(b.id));
    if (order < 0) behind.push(a!.id);
    else if (order > 0) ahead.push(b!.id);
    else if (a!.version > b!.version) behind.push(a!.id);
    else if (a!.version < b!.version) ahead.push(a!.id);
    [a, b] = await Promise.all([order <= 0 ? left.next() : a, order >= 0 ? right.next() : b]);
  }
  return { source: left.digest(), target: right.digest(), behind, ahead };
}

/** Whether the comparison found the two indices identical. */
export function sameDocuments(comparison: IndexComparison): boolean {
  const { source, target, behind, ahead } = comparison;
  return behind.length === 0 && ahead.length === 0 && source.checksum === target.checksum;
}

/** One document at a time out of pages, hashing each as it passes. */
class DigestingCursor {
  private readonly pages: AsyncIterator<IdVersion[]>;
  private page: IdVersion[] = [];
  private position = 0;
  private count = 0;
  private readonly hash: Hash = createHash('sha256');

  constructor(pages: AsyncIterable<IdVersion[]>) {
    this.pages = pages[Symbol.asyncIterator]();
  }

  async next(): Promise<IdVersion | undefined> {
    while (this.position >= this.page.length) {
      const result = await this.pages.next();
      if (result.done) return undefined;
      [this.page, this.position] = [result.value, 0];
    }
    const item = this.page[this.position++]!;
    this.count += 1;
    this.hash.update(`${item.id}:${item.version}\n`);
    return item;
  }

  digest(): IndexDigest {
    return { count: this.count, checksum: this.hash.copy().digest('hex') };
  }
}
