import { contentHash } from '../../../src/domain/content-hash';
import type { ProviderEvent } from '../../../src/domain/event';

const event: ProviderEvent = {
  id: 'cb421062-7598-521e-88ee-20d76cb1a00b',
  providerId: 'fever',
  baseEventId: '322',
  eventId: '1642',
  title: 'Pantomima Full',
  sellMode: 'online',
  organizerCompanyId: '2',
  soldOut: false,
  sellFrom: { local: '2021-01-01T00:00:00', instant: '2020-12-31T23:00:00.000Z' },
  sellTo: null,
  start: { local: '2021-02-10T20:00:00', instant: '2021-02-10T19:00:00.000Z' },
  end: { local: '2021-02-10T21:30:00', instant: '2021-02-10T20:30:00.000Z' },
  zones: [
    { zoneId: '311', name: 'A42', capacity: 2, price: 55, numbered: true },
    { zoneId: '312', name: 'A43', capacity: 0, price: 45, numbered: true },
  ],
  minPrice: 55,
  maxPrice: 55,
};

function reversedKeys<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).reverse()) as T;
}

describe('contentHash', () => {
  it('is a sha256 hex digest', () => {
    expect(contentHash(event)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('does not depend on the order the event’s keys were set in', () => {
    const reordered = reversedKeys({
      ...event,
      zones: event.zones.map(reversedKeys),
      start: reversedKeys(event.start),
    });

    expect(Object.keys(reordered)[0]).toBe('maxPrice');
    expect(contentHash(reordered)).toBe(contentHash(event));
  });

  it('changes when any content changes, down to one zone’s capacity', () => {
    const zones = [{ ...event.zones[0]!, capacity: 1 }, event.zones[1]!];

    expect(contentHash({ ...event, zones })).not.toBe(contentHash(event));
    expect(contentHash({ ...event, sellTo: event.sellFrom })).not.toBe(contentHash(event));
  });

  it('treats a change in zone order as a change', () => {
    expect(contentHash({ ...event, zones: [...event.zones].reverse() })).not.toBe(contentHash(event));
  });
});
