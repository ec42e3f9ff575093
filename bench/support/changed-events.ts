import { feedSpecSchema, type FeedSpecInput } from '../../src/simulator/generator/feed-spec';
import { generateEvent, type GeneratedEvent } from '../../src/simulator/generator/generated-event';

/**
 * The first event whose prices differ between `base` and `changed` and that search shows (online, with
 * capacity left): the one a sync of `changed` must make visible. The generator is deterministic, so
 * this is known before any sync.
 */
export function firstChangedEvent(base: FeedSpecInput, changed: FeedSpecInput): GeneratedEvent {
  const [before, after] = [feedSpecSchema.parse(base), feedSpecSchema.parse(changed)];
  for (let index = 0; index < before.events; index++) {
    const [a, b] = [generateEvent(before, index), generateEvent(after, index)];
    if (a.sellMode === 'online' && minPrice(a) !== null && minPrice(a) !== minPrice(b)) return b;
  }
  throw new Error('no searchable event changes between the two feeds');
}

/** How many events differ between the two feeds: what a sync from one to the other should write. */
export function changedEventCount(base: FeedSpecInput, changed: FeedSpecInput): number {
  const [before, after] = [feedSpecSchema.parse(base), feedSpecSchema.parse(changed)];
  let count = 0;
  for (let index = 0; index < before.events; index++) {
    const [a, b] = [generateEvent(before, index), generateEvent(after, index)];
    if (JSON.stringify(a) !== JSON.stringify(b)) count += 1;
  }
  return count;
}

function minPrice(event: GeneratedEvent): number | null {
  const open = event.zones.filter((zone) => zone.capacity > 0).map((zone) => zone.priceCents);
  return open.length > 0 ? Math.min(...open) : null;
}
