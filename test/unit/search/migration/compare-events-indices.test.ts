import { Readable } from 'node:stream';
import { compareEventsIndices, sameDocuments } from '../../../../src/search/migration/compare-events-indices';
import type { IdVersion } from '../../../../src/search/migration/id-version-scan';

/** Pages of a scan as scanIdVersions yields them, `size` documents a page. */
function pages(documents: [string, number][], size = 2): AsyncIterable<IdVersion[]> {
  const all: IdVersion[][] = [];
  for (let i = 0; i < documents.length; i += size)
    all.push(documents.slice(i, i + size).map(([id, version]) => ({ id, version })));
  return Readable.from(all);
}

describe('compareEventsIndices', () => {
  it('finds two indices with the same ids at the same versions identical, however they are paged', async () => {
    const documents: [string, number][] = [
      ['a', 1],
      ['b', 7],
      ['c', 3],
    ];

    const comparison = await compareEventsIndices(pages(documents, 1), pages(documents, 2));

    expect(sameDocuments(comparison)).toBe(true);
    expect(comparison.source).toEqual(comparison.target);
    expect(comparison.source.count).toBe(3);
  });

  it('lists as behind what the target lacks or holds older, and as ahead what only it holds or holds newer', async () => {
    const source: [string, number][] = [
      ['a', 1],
      ['b', 7],
      ['c', 3],
      ['e', 5],
    ];
    const target: [string, number][] = [
      ['a', 1],
      ['b', 6],
      ['c', 4],
      ['d', 1],
    ];

    const comparison = await compareEventsIndices(pages(source), pages(target));

    expect(comparison.behind).toEqual(['b', 'e']);
    expect(comparison.ahead).toEqual(['c', 'd']);
    expect(sameDocuments(comparison)).toBe(false);
  });

  it('tells apart indices with equal counts but different ids', async () => {
    const comparison = await compareEventsIndices(pages([['a', 1]]), pages([['b', 1]]));

    expect([comparison.source.count, comparison.target.count]).toEqual([1, 1]);
    expect(comparison.source.checksum).not.toBe(comparison.target.checksum);
  });

  it('orders ids by their UTF-8 bytes, as Elasticsearch sorts keywords', async () => {
    // UTF-8 puts U+FF5E before U+1F600; UTF-16 (JavaScript's < on strings) puts it after.
    const [fullwidth, emoji] = ['\u{ff5e}', '\u{1f600}'];

    const comparison = await compareEventsIndices(
      pages([
        [fullwidth, 1],
        [emoji, 1],
      ]),
      pages([[emoji, 1]]),
    );

    expect(comparison.behind).toEqual([fullwidth]);
    expect(comparison.ahead).toEqual([]);
  });
});
