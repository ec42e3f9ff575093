import { readFileSync } from 'node:fs';
import path from 'node:path';
import { productKey } from '../../../../src/domain/product-key';
import { MalformedAnswerError } from '../../../../src/providers/availability-json/malformed-answer-error';
import {
  MAX_SLOT_SNIPPET_CHARS,
  parseAvailabilityAnswer,
} from '../../../../src/providers/availability-json/parse-availability-answer';

const request = { providerId: 'tours', productId: 'p-1031', date: '2026-12-03', timeZone: 'Europe/Madrid' };

function fixture(name: string): string {
  return readFileSync(path.resolve(__dirname, '../../../fixtures/partner', name), 'utf8');
}

describe('parseAvailabilityAnswer on a good answer', () => {
  const { slots, rejects } = parseAvailabilityAnswer(fixture('good-answer.json'), request);

  it('keeps every slot in the partner’s order, filed under the provider, product and date asked for', () => {
    expect(rejects).toEqual([]);
    expect(slots.map((s) => [s.providerSlotId, s.productKey, s.startDate])).toEqual([
      ['a8f0c2d1-morning', productKey('tours', 'p-1031'), '2026-12-03'],
      ['b7e1-night', productKey('tours', 'p-1031'), '2026-12-03'],
      ['c9-sold-out', productKey('tours', 'p-1031'), '2026-12-03'],
    ]);
  });

  it('reads wall-clock times in the provider’s time zone', () => {
    expect(slots[0]).toMatchObject({
      startTime: '10:00',
      endDate: '2026-12-03',
      endTime: '11:30',
      startsAt: '2026-12-03T09:00:00.000Z',
      endsAt: '2026-12-03T10:30:00.000Z',
    });
  });

  it('ends a slot whose end time is earlier than its start time on the next day', () => {
    expect(slots[1]).toMatchObject({
      startTime: '22:30',
      endDate: '2026-12-04',
      endTime: '01:00',
      startsAt: '2026-12-03T21:30:00.000Z',
      endsAt: '2026-12-04T00:00:00.000Z',
    });
  });

  it('keeps pax availability with the partner’s field names, defaults for what a pax type may omit', () => {
    expect(slots[0]?.paxAvailability[0]).toEqual({
      type: 'ADULT_12~99',
      name: 'Adult',
      description: '12 and over',
      min: 1,
      max: 10,
      remaining: 12,
      isPrimary: true,
      price: { finalPrice: 30.5, originalPrice: 35, discount: 4.5, currencyCode: 'EUR' },
    });
    expect(slots[1]?.paxAvailability[0]).toMatchObject({ description: null, isPrimary: false });
    expect([slots[0]?.variantId, slots[1]?.variantId]).toEqual([1031, null]);
  });

  it('prices a slot at its cheapest pax type that has places left, and null when none has', () => {
    expect(slots.map((s) => s.minPrice)).toEqual([15, 45, null]);
  });

  it('hashes content: the same answer hashes alike, a change of remaining does not, unknown fields do not count', () => {
    const again = parseAvailabilityAnswer(fixture('good-answer.json'), request).slots;
    const changed = parseAvailabilityAnswer(
      fixture('good-answer.json').replace('"remaining": 4,', '"remaining": 3,'),
      request,
    ).slots;
    const withoutNote = parseAvailabilityAnswer(
      fixture('good-answer.json').replace(/,\s*"partnerInternalNote": "[^"]*"/, ''),
      request,
    ).slots;
    expect(again.map((s) => s.contentHash)).toEqual(slots.map((s) => s.contentHash));
    expect(changed[1]?.contentHash).not.toBe(slots[1]?.contentHash);
    expect(withoutNote[2]?.contentHash).toBe(slots[2]?.contentHash);
  });

  it('reads an empty array as a date without slots', () => {
    expect(parseAvailabilityAnswer('[]', request)).toEqual({ slots: [], rejects: [] });
  });
});

describe('parseAvailabilityAnswer rejects bad slots one by one', () => {
  const { slots, rejects } = parseAvailabilityAnswer(fixture('bad-slots.json'), request);
  const reasonOf = (id: string | null) => rejects.find((r) => r.providerSlotId === id)?.reason;

  it('keeps the valid slot and refuses every other, each with its position and a snippet', () => {
    expect(slots.map((s) => s.providerSlotId)).toEqual(['good']);
    expect(rejects).toHaveLength(18);
    expect(rejects[0]).toEqual({
      providerId: 'tours',
      productId: 'p-1031',
      date: '2026-12-03',
      providerSlotId: 'missing-start-time',
      index: 1,
      reason: 'startTime: missing',
      snippet: expect.stringContaining('"providerSlotId":"missing-start-time"'),
    });
  });

  it.each([
    ['remaining-as-text', 'remaining: "12" is not a non-negative integer'],
    ['impossible-date', 'startDate: "2026-02-30" is not a valid YYYY-MM-DD date'],
    ['impossible-time', 'startTime: "25:00" is not a valid HH:mm time'],
    ['another-date', 'startDate: 2026-12-04 is not the date asked for, 2026-12-03'],
    ['negative-remaining', 'remaining: -1 is not a non-negative integer'],
    ['fractional-remaining', 'remaining: 1.5 is not a non-negative integer'],
    ['no-pax', 'paxAvailability: must list at least one pax type'],
    ['negative-price', 'paxAvailability[0].price.finalPrice: -10 is not a non-negative number'],
    [
      'final-price-mismatch',
      'paxAvailability[0].price.finalPrice: 11 is not originalPrice 12 less discount 2',
    ],
    ['missing-currency', 'currencyCode: missing'],
    [
      'pax-in-another-currency',
      "paxAvailability[0].price.currencyCode: USD is not the slot's currencyCode EUR",
    ],
    ['min-above-max', 'paxAvailability[0].min: 6 is above max 5'],
    ['same-start-and-end', 'endTime: 12:00 is the startTime: a slot must last'],
  ])('rejects slot %s because "%s"', (id, reason) => {
    expect(reasonOf(id)).toBe(reason);
  });

  it('lists up to five problems of a slot, and says how many more there are', () => {
    expect(reasonOf('many-problems')).toBe(
      'remaining: -3 is not a non-negative integer; currencyCode: "euro" is not a currency code such as EUR; ' +
        'variantId: "v7" is not an integer; startTime: "x" is not a valid HH:mm time; ' +
        'endTime: null is not a valid HH:mm time; and 1 more',
    );
  });

  it('refuses an item that is not an object, and a slot without an id', () => {
    expect(rejects.find((r) => r.index === 16)).toMatchObject({
      providerSlotId: null,
      reason: 'slot: "not-a-slot" is not an object',
      snippet: '"not-a-slot"',
    });
    expect(rejects.find((r) => r.index === 17)?.reason).toBe('providerSlotId: "" is not a non-empty string');
  });

  it('says what else is wrong with a repeated slot', () => {
    const repeated = JSON.stringify([
      { providerSlotId: 'twice', startTime: '10:00' },
      { providerSlotId: 'twice', startTime: '25:00' },
    ]);
    const [, second] = parseAvailabilityAnswer(repeated, request).rejects;
    expect(second?.reason).toMatch(/^providerSlotId: twice repeats the slot at \[0\]; .*startTime: "25:00"/);
  });

  it('keeps the first of two slots with one providerSlotId and refuses the repeat', () => {
    expect(rejects.find((r) => r.index === 18)).toMatchObject({
      providerSlotId: 'good',
      reason: 'providerSlotId: good repeats the slot at [0]',
    });
  });

  it('cuts a long snippet', () => {
    const long = JSON.stringify([{ providerSlotId: 'long', note: 'x'.repeat(5000) }]);
    const [reject] = parseAvailabilityAnswer(long, request).rejects;
    expect(reject?.snippet).toHaveLength(MAX_SLOT_SNIPPET_CHARS);
    expect(reject?.snippet.endsWith('…')).toBe(true);
  });
});

describe('parseAvailabilityAnswer on answers that are no list of slots', () => {
  it.each([
    ['an HTML error page', fixture('not-json.txt'), /not JSON/],
    ['an object', fixture('not-an-array.json'), /not an array of slots but object/],
    ['null', 'null', /not an array of slots but null/],
    ['an empty body', '', /not JSON/],
  ])('throws MalformedAnswerError on %s', (_case, body, message) => {
    expect(() => parseAvailabilityAnswer(body, request)).toThrow(MalformedAnswerError);
    expect(() => parseAvailabilityAnswer(body, request)).toThrow(message);
  });

  it('reads an answer that starts with a byte order mark', () => {
    expect(parseAvailabilityAnswer(`\uFEFF${fixture('good-answer.json')}`, request).slots).toHaveLength(3);
  });
});

describe('parseAvailabilityAnswer across a clock change', () => {
  it('moves a start the spring gap skips forward by the gap, as a clock left unchanged would read', () => {
    const body = fixture('good-answer.json')
      .replace('"2026-12-03",\n    "startTime": "10:00"', '"2027-03-28",\n    "startTime": "02:30"')
      .replace('"endTime": "11:30"', '"endTime": "04:00"');
    const [slot] = parseAvailabilityAnswer(body, { ...request, date: '2027-03-28' }).slots;
    expect([slot?.startsAt, slot?.endsAt]).toEqual(['2027-03-28T01:30:00.000Z', '2027-03-28T02:00:00.000Z']);
  });

  it('refuses a slot whose start the spring gap pushes past its end', () => {
    const body = fixture('good-answer.json')
      .replace('"2026-12-03",\n    "startTime": "10:00"', '"2027-03-28",\n    "startTime": "02:30"')
      .replace('"endTime": "11:30"', '"endTime": "03:15"');
    const { rejects } = parseAvailabilityAnswer(body, { ...request, date: '2027-03-28' });
    expect(rejects.find((r) => r.index === 0)?.reason).toBe(
      'endTime: 03:15 is not after startTime 02:30 in Europe/Madrid',
    );
  });
});
