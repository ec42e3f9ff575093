import { createPrng } from '../generator/prng';
import type { Prng } from '../generator/prng';
import { ADULT, EXTRA_PAX_TYPES } from './pax-types';
import type { PaxType } from './pax-types';

/** One pax type of a product, with its undiscounted price in cents. */
export interface ProductPax extends PaxType {
  isPrimary: boolean;
  originalCents: number;
}

/** A departure of a product: start and length in minutes, the same on every day it runs. */
export interface Departure {
  startMinute: number;
  durationMinutes: number;
}

/** A generated partner product: when it runs, what it sells and at what base price. */
export interface PartnerProduct {
  productId: string;
  /** 1-based, the product's place in the partner's catalog and a key of its random streams. */
  index: number;
  /** Weekdays it runs on, 0 being Sunday; never all seven, so some days answer no slots. */
  weekdays: readonly number[];
  departures: readonly Departure[];
  paxTypes: readonly ProductPax[];
  currencyCode: string;
  variantId: number;
  capacity: number;
}

/** Keeps the product stream apart from the slot streams, which are keyed by day numbers. */
const PRODUCT_STREAM = 0x70726f64;
const FIRST_START = 8 * 60;
const LAST_START = 18 * 60;
const DURATIONS = [60, 90, 120, 150, 180] as const;
const CURRENCIES = ['EUR', 'EUR', 'GBP', 'USD'] as const;

/** The id of the product at 1-based `index`: `p-1001`, `p-1002`, … */
export function productIdOf(index: number): string {
  return `p-${1000 + index}`;
}

/** The product at `index` of a partner with `seed`; the same inputs always give the same product. */
export function generateProduct(seed: number, index: number): PartnerProduct {
  const rng = createPrng(seed, index, PRODUCT_STREAM);
  const weekdays = shuffled(rng, [0, 1, 2, 3, 4, 5, 6]).slice(0, rng.int(3, 6));
  const starts = [];
  for (let minute = FIRST_START; minute <= LAST_START; minute += 30) starts.push(minute);
  const departures = shuffled(rng, starts)
    .slice(0, rng.int(2, 5))
    .sort((a, b) => a - b)
    .map((startMinute) => ({ startMinute, durationMinutes: rng.pick(DURATIONS) }));
  return {
    productId: productIdOf(index),
    index,
    weekdays: weekdays.sort((a, b) => a - b),
    departures,
    paxTypes: paxTypes(rng),
    currencyCode: rng.pick(CURRENCIES),
    variantId: rng.int(1000, 9999),
    capacity: rng.int(10, 60),
  };
}

function paxTypes(rng: Prng): ProductPax[] {
  const adultCents = rng.int(30, 240) * 50;
  const extras = shuffled(rng, EXTRA_PAX_TYPES).slice(0, rng.int(0, 2));
  return [ADULT, ...extras].map((pax) => ({
    ...pax,
    isPrimary: pax === ADULT,
    // Whole 50-cent steps keep every price a plain two-decimal amount.
    originalCents: Math.max(50, Math.round((adultCents * pax.priceFactor) / 50) * 50),
  }));
}

/** Fisher-Yates on a copy, drawing from `rng` so the order is reproducible. */
function shuffled<T>(rng: Prng, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}
