import { Readable } from 'node:stream';
import { feedParserFor } from '../../../../../src/providers/feed-parser';
import { prepareEvent } from '../../../../../src/search/prepared-event';
import type { FeedSpecInput } from '../../../../../src/simulator/generator/feed-spec';
import { generateEventListFeed } from '../../../../../src/simulator/generator/generate-event-list-feed';
import type { StoredEvent } from './index-documents';

/** A sync run as the expectation replays it: the feed it read and when it fetched it. */
export interface ReplayedRun {
  spec: FeedSpecInput;
  fetchedAt: string;
}

/** What the index should hold of an event after some runs: content, whether listed, and at which version. */
export type ExpectedEvent = Omit<StoredEvent, 'title'>;

/**
 * The events index that `runs` of provider `fever` (UTC) should leave, replayed from the generated feeds
 * by the sync's rules: a new, changed or relisted event is written at its run's fetch time; an event a
 * run's feed no longer lists is unlisted at that run's fetch time; anything else keeps its version.
 */
export async function expectedEvents(runs: ReplayedRun[]): Promise<Map<string, ExpectedEvent>> {
  const expected = new Map<string, ExpectedEvent>();
  for (const run of runs) {
    const version = Date.parse(run.fetchedAt);
    const feed = await feedHashes(run.spec);
    for (const [id, contentHash] of feed) {
      const before = expected.get(id);
      if (!before || before.contentHash !== contentHash || !before.listed)
        expected.set(id, { contentHash, listed: true, version });
    }
    for (const [id, before] of expected)
      if (!feed.has(id) && before.listed) expected.set(id, { ...before, listed: false, version });
  }
  return expected;
}

/** Every event of the generated feed by id, with its content hash, parsed as a sync parses it. */
async function feedHashes(spec: FeedSpecInput): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  const items = feedParserFor('xml-event-list')(Readable.from(generateEventListFeed(spec)), {
    providerId: 'fever',
    timeZone: 'UTC',
  });
  for await (const item of items) {
    if (item.kind !== 'event') throw new Error(`generated feed rejected an event: ${item.reject.reason}`);
    const event = prepareEvent(item.event);
    hashes.set(event.id, event.contentHash);
  }
  return hashes;
}
