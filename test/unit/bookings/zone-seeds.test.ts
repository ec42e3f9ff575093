import { UnknownZoneError } from '../../../src/bookings/booking-errors';
import { ZoneSeeds } from '../../../src/bookings/zone-seeds';
import { FakeEventSearch } from '../api/fakes/fake-event-search';

describe('ZoneSeeds', () => {
  it('finds a zone by its key and asks the index once for repeats within the minute', async () => {
    const events = new FakeEventSearch();
    const event = events.events[0]!;
    const spy = jest.spyOn(events, 'getEvent');
    const seeds = new ZoneSeeds(events);

    const first = await seeds.seedOf(event.id, event.zones[0]!.zone_key);
    await seeds.seedOf(event.id, event.zones[0]!.zone_key);

    expect(first).toEqual({
      zone: { providerId: event.provider_id, eventId: event.id, zoneKey: event.zones[0]!.zone_key },
      capacity: event.zones[0]!.capacity,
      observedAt: event.last_seen_at,
    });
    expect(spy).toHaveBeenCalledTimes(1);
  });

  it('asks again once what it found is older than it keeps', async () => {
    const events = new FakeEventSearch();
    const event = events.events[0]!;
    const spy = jest.spyOn(events, 'getEvent');
    const seeds = new ZoneSeeds(events, 0);

    await seeds.seedOf(event.id, event.zones[0]!.zone_key);
    await seeds.seedOf(event.id, event.zones[0]!.zone_key);

    expect(spy).toHaveBeenCalledTimes(2);
  });

  it('does not remember an unknown zone: a sync may add it', async () => {
    const events = new FakeEventSearch();
    const event = events.events[0]!;
    const seeds = new ZoneSeeds(events);

    await expect(seeds.seedOf(event.id, 'later:1')).rejects.toBeInstanceOf(UnknownZoneError);
    event.zones.push({ ...event.zones[0]!, zone_id: 'later', zone_key: 'later:1' });

    expect((await seeds.seedOf(event.id, 'later:1')).zone.zoneKey).toBe('later:1');
  });
});
