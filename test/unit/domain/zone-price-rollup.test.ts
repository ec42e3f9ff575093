import { ZonePriceRollup } from '../../../src/domain/zone-price-rollup';

let nextId = 0;

function event(
  providerId: string,
  instant: string,
  zones: { name: string; capacity: number; price: number }[],
  id = `event-${(nextId += 1)}`,
) {
  return {
    id,
    providerId,
    start: { local: instant.slice(0, 19), instant },
    zones: zones.map((z, i) => ({ ...z, zoneId: String(i), numbered: z.capacity > 5 })),
  };
}

describe('ZonePriceRollup', () => {
  it('sums the zones of each provider, zone name and start month over the events', () => {
    const rollup = new ZonePriceRollup();
    rollup.add(
      event('fever', '2030-03-02T20:00:00.000Z', [
        { name: 'Platea', capacity: 10, price: 20 },
        { name: 'Platea', capacity: 4, price: 30 },
        { name: 'Grada', capacity: 0, price: 5 },
      ]),
    );
    rollup.add(event('fever', '2030-03-31T23:30:00.000Z', [{ name: 'Platea', capacity: 6, price: 40 }]));
    rollup.add(event('fever', '2030-04-01T00:00:00.000Z', [{ name: 'Platea', capacity: 1, price: 10 }]));
    rollup.add(event('other', '2030-03-05T20:00:00.000Z', [{ name: 'Platea', capacity: 1, price: 99 }]));

    expect(rollup.toRows()).toEqual([
      {
        providerId: 'fever',
        zoneName: 'Platea',
        month: '2030-03',
        events: 2,
        zones: 3,
        numberedZones: 2,
        capacity: 20,
        minPrice: 20,
        maxPrice: 40,
        priceSum: 90,
      },
      expect.objectContaining({ providerId: 'fever', zoneName: 'Grada', month: '2030-03', events: 1 }),
      expect.objectContaining({ providerId: 'fever', zoneName: 'Platea', month: '2030-04', priceSum: 10 }),
      expect.objectContaining({ providerId: 'other', zoneName: 'Platea', month: '2030-03', priceSum: 99 }),
    ]);
  });

  it('keeps what the mean over zones of several months needs: the price sum and the zone count', () => {
    const rollup = new ZonePriceRollup();
    rollup.add(event('fever', '2030-01-10T20:00:00.000Z', [{ name: 'VIP', capacity: 1, price: 100 }]));
    rollup.add(
      event('fever', '2030-02-10T20:00:00.000Z', [
        { name: 'VIP', capacity: 1, price: 10 },
        { name: 'VIP', capacity: 1, price: 10 },
      ]),
    );
    const rows = rollup.toRows();
    const mean = rows.reduce((sum, r) => sum + r.priceSum, 0) / rows.reduce((sum, r) => sum + r.zones, 0);

    expect(mean).toBe(40);
  });

  it('counts an event the feed lists twice once, as its first listing', () => {
    const rollup = new ZonePriceRollup();
    rollup.add(event('fever', '2030-01-10T20:00:00.000Z', [{ name: 'VIP', capacity: 2, price: 50 }], 'same'));
    rollup.add(event('fever', '2030-01-10T20:00:00.000Z', [{ name: 'VIP', capacity: 9, price: 70 }], 'same'));

    expect(rollup.toRows()).toEqual([
      expect.objectContaining({ events: 1, zones: 1, capacity: 2, minPrice: 50, maxPrice: 50, priceSum: 50 }),
    ]);
  });

  it('sums the zones of one name in one event into one row, sold-out zones included', () => {
    const rollup = new ZonePriceRollup();
    rollup.add(
      event('fever', '2030-05-02T20:00:00.000Z', [
        { name: 'Platea', capacity: 10, price: 20 },
        { name: 'Grada', capacity: 0, price: 5 },
        { name: 'Platea', capacity: 5, price: 35 },
      ]),
    );

    expect(rollup.toRows()).toEqual([
      expect.objectContaining({
        zoneName: 'Platea',
        events: 1,
        zones: 2,
        capacity: 15,
        minPrice: 20,
        maxPrice: 35,
        priceSum: 55,
      }),
      expect.objectContaining({
        zoneName: 'Grada',
        events: 1,
        zones: 1,
        capacity: 0,
        minPrice: 5,
        maxPrice: 5,
        priceSum: 5,
      }),
    ]);
  });

  it('has no row for events without zones', () => {
    const rollup = new ZonePriceRollup();
    rollup.add(event('fever', '2030-01-10T20:00:00.000Z', []));
    expect(rollup.toRows()).toEqual([]);
  });
});
