import { createReadStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ApplicationFailure } from '@temporalio/activity';
import { feedParserFor } from '../providers/feed-parser';
import { MalformedFeedError } from '../providers/xml-event-list/malformed-feed-error';
import type { XmlEventListSettings } from '../providers/xml-event-list/xml-event-list-settings';
import { prepareEvent } from '../search/prepared-event';
import { LineWriter } from './line-file';
import { StagedEventWriter } from './staged-events';
import { SyncFailureType } from '../domain/sync-failure-types';
import { ZonePriceRollup } from '../domain/zone-price-rollup';
import type { ParsedFeed } from './sync-types';

/**
 * Streams the staged feed through the provider's parser: valid events, prepared for writing, into
 * `events.staged` (and their ids into `event-ids.txt`), rejects into `rejects.ndjson`, and the events'
 * zone prices per zone name and start month into `zone-prices.json`.
 * A malformed feed is a non-retryable failure: the index is left exactly as it was.
 */
export async function parseStagedFeed(
  provider: XmlEventListSettings,
  feedPath: string,
  onProgress: (events: number, rejected: number) => void,
): Promise<ParsedFeed> {
  const dir = path.dirname(feedPath);
  const zonePricesPath = path.join(dir, 'zone-prices.json');
  const result: ParsedFeed = {
    eventsPath: path.join(dir, 'events.staged'),
    idsPath: path.join(dir, 'event-ids.txt'),
    rejectsPath: path.join(dir, 'rejects.ndjson'),
    zonePricesPath,
    events: 0,
    rejected: 0,
  };
  const events = new StagedEventWriter(result.eventsPath, result.idsPath);
  const rejects = new LineWriter(result.rejectsPath);
  const zonePrices = new ZonePriceRollup();
  try {
    const items = feedParserFor(provider.kind)(createReadStream(feedPath), {
      providerId: provider.id,
      timeZone: provider.timeZone,
    });
    for await (const item of items) {
      if (item.kind === 'event') {
        result.events += 1;
        zonePrices.add(item.event);
        await events.write(prepareEvent(item.event));
      } else {
        result.rejected += 1;
        await rejects.write(JSON.stringify(item.reject));
      }
      if ((result.events + result.rejected) % 500 === 0) onProgress(result.events, result.rejected);
    }
  } catch (error) {
    if (error instanceof MalformedFeedError) {
      throw ApplicationFailure.create({
        type: SyncFailureType.MalformedFeed,
        message: `feed of provider ${provider.id} is ${error.message}`,
        nonRetryable: true,
      });
    }
    throw error;
  } finally {
    await Promise.all([events.close(), rejects.close()]);
  }
  await writeFile(zonePricesPath, JSON.stringify(zonePrices.toRows()));
  return result;
}
