import { contentHash } from '../domain/content-hash';
import type { ProviderEvent } from '../domain/event';
import { toFeedDocument, toLifecycleDocument, type EventLifecycle } from './event-document';
import { eventFacts, type EventFacts } from './event-facts';

/**
 * An event ready to be written: what the writer decides on (id, content hash, whether it is on sale
 * online) and the feed's part of its document, already serialized. Serializing once, when the feed is
 * parsed, lets a sync stage events on disk and index them without parsing and re-serializing each one.
 */
export interface PreparedEvent {
  id: string;
  contentHash: string;
  online: boolean;
  /** What the event's history document needs, so it is written without parsing `feedJson`. */
  facts: EventFacts;
  /** JSON object of the document's feed fields (see toFeedDocument). */
  feedJson: string;
}

/** Prepares a normalized event for writing. */
export function prepareEvent(event: ProviderEvent): PreparedEvent {
  const feed = toFeedDocument(event);
  const feedJson = JSON.stringify(feed);
  return {
    id: event.id,
    contentHash: contentHash(event),
    online: event.sellMode === 'online',
    facts: eventFacts(feed, zonesJsonOf(feedJson)),
    feedJson,
  };
}

/**
 * The `zones` array's JSON inside a feed document's JSON: the text `JSON.stringify(feed.zones)` gives,
 * without serializing hundreds of zones a second time. toFeedDocument puts `zones` right before
 * `zone_count`; neither key's quoted form can occur inside a JSON string, whose quotes are escaped.
 */
export function zonesJsonOf(feedJson: string): string {
  const key = feedJson.indexOf(',"zones":');
  // From the end: `zone_count` is the second last field, and hundreds of zones come before it.
  const end = feedJson.lastIndexOf(',"zone_count":');
  if (key < 0 || end < key) throw new Error('feed document JSON has no zones before zone_count');
  return feedJson.slice(key + ',"zones":'.length, end);
}

/** The whole document's JSON: the prepared feed fields followed by the run's lifecycle fields. */
export function documentJson(event: PreparedEvent, lifecycle: EventLifecycle): string {
  // Both halves are JSON objects: drop the first one's closing brace and the second one's opening brace.
  return `${event.feedJson.slice(0, -1)},${JSON.stringify(toLifecycleDocument(lifecycle)).slice(1)}`;
}
