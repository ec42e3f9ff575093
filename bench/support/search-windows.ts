import { feedSpecSchema, type FeedSpecInput } from '../../src/simulator/generator/feed-spec';
import { generateEvent, type GeneratedEvent } from '../../src/simulator/generator/generated-event';

/** A `/search` window and how many searchable events it holds. */
export interface SearchWindow {
  path: string;
  startsAt: string;
  endsAt: string;
  events: number;
}

const DAY_MS = 24 * 3600 * 1000;

/** Every searchable window of the generated feeds (2021-2022) fits in this one. */
export const WIDE = { startsAt: '2020-01-01T00:00:00Z', endsAt: '2030-01-01T00:00:00Z' };

/** `/search?starts_at=&ends_at=` for a window. */
export function searchPath(startsAt: string, endsAt: string): string {
  return `/search?starts_at=${startsAt}&ends_at=${endsAt}`;
}

/** The shortest whole-day window starting on `event`'s day that holds at least `target` searchable events. */
export function narrowWindowAround(spec: FeedSpecInput, event: GeneratedEvent, target = 30): SearchWindow {
  const parsed = feedSpecSchema.parse(spec);
  const events = Array.from({ length: parsed.events }, (_, index) => generateEvent(parsed, index)).filter(
    (e) => e.sellMode === 'online',
  );
  const start = Math.floor(event.start.getTime() / DAY_MS) * DAY_MS;
  for (let days = 1; ; days++) {
    const end = start + days * DAY_MS;
    const inside = events.filter((e) => e.start.getTime() >= start && e.end.getTime() <= end).length;
    if (inside >= target || days >= 730) {
      const [startsAt, endsAt] = [start, end].map((ms) => new Date(ms).toISOString().replace('.000Z', 'Z'));
      return { path: searchPath(startsAt!, endsAt!), startsAt: startsAt!, endsAt: endsAt!, events: inside };
    }
  }
}
