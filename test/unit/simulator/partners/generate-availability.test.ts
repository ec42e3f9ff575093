import { dayNumberOf, parseCalendarDate } from '../../../../src/simulator/partners/calendar-date';
import type { CalendarDate } from '../../../../src/simulator/partners/calendar-date';
import { generateAvailability } from '../../../../src/simulator/partners/generate-availability';
import type { AvailabilityQuery } from '../../../../src/simulator/partners/generate-availability';
import { generateProduct } from '../../../../src/simulator/partners/partner-product';
import { removedSlotKey } from '../../../../src/simulator/partners/removed-slot';

const TODAY = dayNumberOf(Date.UTC(2026, 10, 30));

function date(iso: string): CalendarDate {
  const parsed = parseCalendarDate(iso);
  if (!parsed) throw new Error(`bad test date ${iso}`);
  return parsed;
}

/** The next 14 days from 2026-12-01, covering every weekday twice. */
const FORTNIGHT = Array.from({ length: 14 }, (_, i) =>
  date(new Date(Date.UTC(2026, 11, 1 + i)).toISOString().slice(0, 10)),
);

function query(overrides: Partial<AvailabilityQuery> = {}): AvailabilityQuery {
  return {
    providerId: 'acme',
    seed: 1,
    variant: 0,
    product: generateProduct(1, 1),
    date: date('2026-12-03'),
    today: TODAY,
    removed: new Set(),
    ...overrides,
  };
}

/** A date in the fortnight on which the product runs. */
function runningDay(product = generateProduct(1, 1)): CalendarDate {
  return FORTNIGHT.find((day) => product.weekdays.includes(day.weekday)) as CalendarDate;
}

describe('generateProduct', () => {
  it('gives each product a weekday pattern, 2-5 departures and 1-3 pax types with adults primary', () => {
    for (let index = 1; index <= 50; index++) {
      const product = generateProduct(7, index);
      expect(product.productId).toBe(`p-${1000 + index}`);
      expect(product.weekdays.length).toBeGreaterThanOrEqual(3);
      expect(product.weekdays.length).toBeLessThan(7);
      expect(product.departures.length).toBeGreaterThanOrEqual(2);
      expect(product.departures.length).toBeLessThanOrEqual(5);
      expect(product.paxTypes.length).toBeGreaterThanOrEqual(1);
      expect(product.paxTypes.length).toBeLessThanOrEqual(3);
      expect(product.paxTypes.filter((pax) => pax.isPrimary).map((pax) => pax.type)).toEqual(['ADULT_12~99']);
    }
  });

  it('is a function of seed and index', () => {
    expect(generateProduct(3, 2)).toEqual(generateProduct(3, 2));
    expect(generateProduct(3, 2)).not.toEqual(generateProduct(4, 2));
  });
});

describe('generateAvailability', () => {
  it('answers the same slots for the same inputs', () => {
    expect(generateAvailability(query({ date: runningDay() }))).toEqual(
      generateAvailability(query({ date: runningDay() })),
    );
  });

  it('answers no slots on the weekdays the product does not run, and slots on the others', () => {
    const product = generateProduct(1, 1);
    for (const day of FORTNIGHT) {
      const slots = generateAvailability(query({ product, date: day }));
      expect(slots.length).toBe(product.weekdays.includes(day.weekday) ? product.departures.length : 0);
    }
    const empty = FORTNIGHT.filter((day) => generateAvailability(query({ product, date: day })).length === 0);
    expect(empty.length).toBeGreaterThan(0);
    expect(empty.length).toBeLessThan(FORTNIGHT.length);
  });

  it('a new variant changes seats or prices but keeps slot ids and times', () => {
    const day = runningDay();
    const before = generateAvailability(query({ date: day }));
    const after = generateAvailability(query({ date: day, variant: 1 }));
    expect(after).not.toEqual(before);
    const identity = (slots: typeof before): string[] =>
      slots.map((slot) => `${slot.providerSlotId} ${slot.startTime}-${slot.endTime}`);
    expect(identity(after)).toEqual(identity(before));
  });

  it('leaves out a removed slot and only that one', () => {
    const day = runningDay();
    const all = generateAvailability(query({ date: day }));
    const gone = all[1];
    if (!gone) throw new Error('expected at least two slots');
    const removed = new Set([
      removedSlotKey({ productId: 'p-1001', date: day.iso, startTime: gone.startTime }),
    ]);
    expect(generateAvailability(query({ date: day, removed }))).toEqual(all.filter((slot) => slot !== gone));
  });

  it('answers nothing for dates in the past or more than 400 days ahead', () => {
    const product = generateProduct(1, 1);
    const weekdayOf = (day: number): number => new Date(day * 86_400_000).getUTCDay();
    const running = (from: number, step: number): number => {
      let day = from;
      while (!product.weekdays.includes(weekdayOf(day))) day += step;
      return day;
    };
    const at = (day: number): CalendarDate => date(new Date(day * 86_400_000).toISOString().slice(0, 10));
    expect(generateAvailability(query({ product, date: at(running(TODAY - 2, -1)) }))).toEqual([]);
    expect(generateAvailability(query({ product, date: at(running(TODAY + 401, 1)) }))).toEqual([]);
    expect(
      generateAvailability(query({ product, date: at(running(TODAY + 400, -1)) })).length,
    ).toBeGreaterThan(0);
  });

  it('states prices to the cent with finalPrice = originalPrice - discount, and some discounts', () => {
    const slots = FORTNIGHT.flatMap((day) =>
      [1, 2, 3].flatMap((index) =>
        generateAvailability(query({ product: generateProduct(1, index), date: day })),
      ),
    );
    const prices = slots.flatMap((slot) => slot.paxAvailability.map((pax) => pax.price));
    const cents = (amount: number): number => Math.round(amount * 100);
    for (const price of prices) {
      expect(cents(price.finalPrice)).toBe(cents(price.originalPrice) - cents(price.discount));
      expect(price.finalPrice * 100).toBeCloseTo(cents(price.finalPrice), 6);
    }
    expect(prices.some((price) => price.discount > 0)).toBe(true);
    expect(slots.every((slot) => slot.paxAvailability.every((pax) => pax.remaining === slot.remaining))).toBe(
      true,
    );
  });

  it('gives different slot ids to different start times, dates and providers', () => {
    const ids = FORTNIGHT.flatMap((day) =>
      generateAvailability(query({ date: day })).map((s) => s.providerSlotId),
    );
    expect(new Set(ids).size).toBe(ids.length);
    const day = runningDay();
    const ours = generateAvailability(query({ date: day }))[0]?.providerSlotId;
    expect(generateAvailability(query({ date: day, providerId: 'other' }))[0]?.providerSlotId).not.toBe(ours);
  });
});

describe('parseCalendarDate', () => {
  it('takes real YYYY-MM-DD dates only', () => {
    expect(parseCalendarDate('2026-12-03')).toEqual({ iso: '2026-12-03', day: 20_790, weekday: 4 });
    for (const bad of ['2026-02-30', '2026-13-01', '2026-1-3', '03/12/2026', '', null]) {
      expect(parseCalendarDate(bad)).toBeNull();
    }
  });
});
