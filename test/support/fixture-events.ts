import { eventId } from '../../src/domain/event-id';
import type { ProviderEvent } from '../../src/domain/event';
import { priceRange } from '../../src/domain/price-range';

/** A valid normalized event for tests that are about storage, not parsing. */
export function makeEvent(n: number, overrides: Partial<ProviderEvent> = {}): ProviderEvent {
  const day = String((n % 28) + 1).padStart(2, '0');
  const month = String((Math.floor(n / 28) % 12) + 1).padStart(2, '0');
  const local = `2030-${month}-${day}T20:00:00`;
  const endLocal = `2030-${month}-${day}T22:00:00`;
  const zones = [
    { zoneId: '1', name: 'Platea', capacity: 10, price: 20 + (n % 7), numbered: true },
    { zoneId: '2', name: 'Grada', capacity: 0, price: 5, numbered: false },
  ];
  return {
    id: eventId('test', String(n), String(n)),
    providerId: 'test',
    baseEventId: String(n),
    eventId: String(n),
    title: `Event ${n}`,
    sellMode: 'online',
    organizerCompanyId: null,
    soldOut: false,
    sellFrom: null,
    sellTo: null,
    start: { local, instant: `${local}.000Z` },
    end: { local: endLocal, instant: `${endLocal}.000Z` },
    zones,
    ...priceRange(zones),
    ...overrides,
  };
}
