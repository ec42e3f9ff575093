import type { ZoneRef } from '../domain/zone-inventory';
import type { EventSearch } from '../search/event-search';
import { BookingsUnavailableError, UnknownZoneError } from './booking-errors';

/** A zone as the events index shows it: what a new zone workflow is seeded with. */
export interface ZoneSeed {
  zone: ZoneRef;
  capacity: number;
  observedAt: string;
}

/**
 * Finds the zone a hold names in the events index, remembering what it found for a minute: a seed only
 * starts a zone's workflow, which then reads the index again itself (registerZone), so a remembered
 * capacity is never what decides a sale. Unknown events and zones are asked again each time.
 */
export class ZoneSeeds {
  private readonly found = new Map<string, { seed: ZoneSeed; until: number }>();

  constructor(
    private readonly events: EventSearch,
    private readonly keepMs = 60_000,
    private readonly maxEntries = 10_000,
  ) {}

  async seedOf(eventId: string, zoneKey: string): Promise<ZoneSeed> {
    const key = `${eventId}\n${zoneKey}`;
    const kept = this.found.get(key);
    if (kept && kept.until > Date.now()) return kept.seed;
    const seed = await this.lookUp(eventId, zoneKey);
    this.found.delete(key);
    this.found.set(key, { seed, until: Date.now() + this.keepMs });
    // Oldest first in a Map: past the bound, the entry written longest ago goes.
    if (this.found.size > this.maxEntries) this.found.delete(this.found.keys().next().value!);
    return seed;
  }

  private async lookUp(eventId: string, zoneKey: string): Promise<ZoneSeed> {
    const event = await this.events.getEvent(eventId).catch((cause: unknown) => {
      throw new BookingsUnavailableError('event lookup failed', { cause });
    });
    if (!event) throw new UnknownZoneError(`no event with id ${eventId}`);
    const found = event.zones.find((z) => z.zone_key === zoneKey);
    if (!found) throw new UnknownZoneError(`event ${eventId} has no zone ${zoneKey}`);
    const zone = { providerId: event.provider_id, eventId: event.id, zoneKey };
    return { zone, capacity: found.capacity, observedAt: event.last_seen_at };
  }
}
