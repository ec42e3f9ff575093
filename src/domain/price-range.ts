import type { Zone } from './event';

/** Cheapest and dearest price on sale; both null when no zone has capacity left. */
export interface PriceRange {
  minPrice: number | null;
  maxPrice: number | null;
}

/** Min and max price over zones with capacity > 0, so sold-out zones never set the price shown. */
export function priceRange(zones: readonly Pick<Zone, 'capacity' | 'price'>[]): PriceRange {
  let minPrice: number | null = null;
  let maxPrice: number | null = null;
  for (const zone of zones) {
    if (zone.capacity <= 0) continue;
    if (minPrice === null || zone.price < minPrice) minPrice = zone.price;
    if (maxPrice === null || zone.price > maxPrice) maxPrice = zone.price;
  }
  return { minPrice, maxPrice };
}
