import type { Zone } from '../../../src/domain/event';
import { zoneGroups } from '../../../src/domain/zone-groups';

describe('zoneGroups', () => {
  it('sums the zones of each name, in the order names first appear, sold-out zones included', () => {
    const zones: Zone[] = [
      { zoneId: '7', name: 'Platea', capacity: 10, price: 20, numbered: true },
      { zoneId: '8', name: 'Grada', capacity: 0, price: 5, numbered: false },
      { zoneId: '7', name: 'Platea', capacity: 5, price: 35, numbered: false },
    ];
    const groups = zoneGroups(zones);
    expect(groups).toEqual([
      { name: 'Platea', zones: 2, numberedZones: 1, capacity: 15, minPrice: 20, maxPrice: 35, priceSum: 55 },
      { name: 'Grada', zones: 1, numberedZones: 0, capacity: 0, minPrice: 5, maxPrice: 5, priceSum: 5 },
    ]);
  });

  it('has no group for an event without zones', () => {
    expect(zoneGroups([])).toEqual([]);
  });
});
