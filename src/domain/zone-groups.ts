import type { Zone } from './event';

/** An event's zones that share a name, summed: the unit analysts compare prices and capacities by. */
export interface ZoneGroup {
  name: string;
  zones: number;
  numberedZones: number;
  capacity: number;
  minPrice: number;
  maxPrice: number;
  priceSum: number;
}

/**
 * The zones grouped by name, in the order each name first appears. Sold-out zones count too: their price
 * is still the zone's price, and `capacity` says how much of the group is left.
 */
export function zoneGroups(
  zones: readonly Pick<Zone, 'name' | 'capacity' | 'price' | 'numbered'>[],
): ZoneGroup[] {
  const groups = new Map<string, ZoneGroup>();
  for (const zone of zones) {
    const group = groups.get(zone.name);
    if (!group) {
      groups.set(zone.name, {
        name: zone.name,
        zones: 1,
        numberedZones: zone.numbered ? 1 : 0,
        capacity: zone.capacity,
        minPrice: zone.price,
        maxPrice: zone.price,
        priceSum: zone.price,
      });
      continue;
    }
    group.zones += 1;
    group.numberedZones += zone.numbered ? 1 : 0;
    group.capacity += zone.capacity;
    group.minPrice = Math.min(group.minPrice, zone.price);
    group.maxPrice = Math.max(group.maxPrice, zone.price);
    group.priceSum += zone.price;
  }
  return [...groups.values()];
}
