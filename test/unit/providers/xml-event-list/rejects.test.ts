import { MAX_SNIPPET_CHARS } from '../../../../src/providers/xml-event-list/reject-snippet';
import { parseFixture } from './read-feed';

describe('parseXmlEventList rejects invalid events one by one', () => {
  it('rejects an event with a non-numeric price, with reason and position, and indexes the rest', async () => {
    const { events, rejects } = await parseFixture('non-numeric-price.xml');

    expect(events.map((e) => e.baseEventId)).toEqual(['291', '1591']);
    expect(rejects).toEqual([
      {
        providerId: 'fever',
        baseEventId: '322',
        eventId: '1642',
        reason: 'zones[1].price: "free" is not a non-negative number',
        position: { line: 10, column: 10 },
        snippet: expect.stringContaining('<zone zone_id="312" capacity="2" price="free"'),
      },
    ]);
  });

  it.each([
    ['without event_id', 'event_id: missing'],
    ['12', 'zones[0].capacity: "-1" is not a non-negative integer'],
    ['13', 'zones[0].capacity: "1.5" is not a non-negative integer'],
    ['14', 'sold_out: "yes" is not true or false'],
    ['15', 'event_end_date: 2021-06-30T20:59:59 is before event_start_date 2021-06-30T21:00:00'],
    ['16', 'event_start_date: "tomorrow" is not a valid YYYY-MM-DDTHH:mm:ss date-time'],
    ['17', 'sell_from: "2021-02-30T00:00:00" is not a valid YYYY-MM-DDTHH:mm:ss date-time'],
    ['18', 'zones[0].price: "-10.00" is not a non-negative number'],
  ])('rejects event %s because "%s"', async (id, reason) => {
    const { rejects } = await parseFixture('invalid-events.xml');
    const reject = rejects.find((r) => (r.eventId ?? 'without event_id') === id);

    expect(reject?.reason).toContain(reason);
  });

  it('lists every problem of an event in its reason', async () => {
    const { rejects } = await parseFixture('invalid-events.xml');

    expect(rejects.find((r) => r.eventId === '17')?.reason).toBe(
      'sell_from: "2021-02-30T00:00:00" is not a valid YYYY-MM-DDTHH:mm:ss date-time; ' +
        'zones[0].numbered: "TRUE" is not true or false',
    );
    expect(rejects.find((r) => r.eventId === '19')?.reason).toBe(
      'zones[0].zone_id: must not be empty; zones[0].name: missing; zones[0].price: "1e3" is not a non-negative number',
    );
  });

  it('rejects every session of a base event that lacks a title, each at its own line', async () => {
    const { rejects } = await parseFixture('invalid-events.xml');
    const untitled = rejects.filter((r) => r.baseEventId === '2');

    expect(untitled.map((r) => [r.eventId, r.reason, r.position])).toEqual([
      ['20', 'base_event.title: missing', { line: 17, column: 1 }],
      ['21', 'base_event.title: missing', { line: 18, column: 1 }],
    ]);
  });

  it('keeps the valid sessions around the invalid ones', async () => {
    const { events, rejects } = await parseFixture('invalid-events.xml');

    expect(events.map((e) => e.eventId)).toEqual(['10', '30']);
    expect(rejects).toHaveLength(11);
  });

  it('accepts a session with no zones, no sale dates, an empty organizer and equal start and end', async () => {
    const { events } = await parseFixture('invalid-events.xml');

    expect(events[1]).toMatchObject({
      eventId: '30',
      organizerCompanyId: null,
      sellFrom: null,
      sellTo: null,
      zones: [],
      minPrice: null,
      maxPrice: null,
    });
    expect(events[1]?.end).toEqual(events[1]?.start);
  });

  it('cuts the snippet of a huge rejected event to a bounded size', async () => {
    const { rejects } = await parseFixture('many-zones-reject.xml');

    expect(rejects).toHaveLength(1);
    expect(rejects[0]?.reason).toBe('zones[150].price: "n/a" is not a non-negative number');
    expect(rejects[0]?.snippet.length).toBeLessThanOrEqual(MAX_SNIPPET_CHARS);
    expect(rejects[0]?.snippet).toMatch(/^<base_event base_event_id="9".*…$/);
  });

  it('places a reject at the line before when the tag name ends its line', async () => {
    const { rejects } = await parseFixture('newline-after-tag-name.xml');

    expect(rejects[0]?.position).toEqual({ line: 5, column: 1 });
  });
});
