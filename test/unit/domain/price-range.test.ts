import { priceRange } from '../../../src/domain/price-range';

describe('priceRange', () => {
  it('takes min and max over zones with capacity left', () => {
    const zones = [
      { capacity: 0, price: 75 },
      { capacity: 14, price: 65 },
      { capacity: 3, price: 20 },
      { capacity: 0, price: 5 },
    ];

    expect(priceRange(zones)).toEqual({ minPrice: 20, maxPrice: 65 });
  });

  it('is null and null when every zone is sold out', () => {
    expect(priceRange([{ capacity: 0, price: 10 }])).toEqual({ minPrice: null, maxPrice: null });
  });

  it('is null and null for a session without zones', () => {
    expect(priceRange([])).toEqual({ minPrice: null, maxPrice: null });
  });

  it('counts a free zone with capacity as the minimum', () => {
    expect(
      priceRange([
        { capacity: 1, price: 0 },
        { capacity: 1, price: 9.5 },
      ]),
    ).toEqual({ minPrice: 0, maxPrice: 9.5 });
  });
});
