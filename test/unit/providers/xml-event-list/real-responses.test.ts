import { eventId } from '../../../../src/domain/event-id';
import { parseFixture } from './read-feed';

const MADRID = { timeZone: 'Europe/Madrid' };

describe('parseXmlEventList on the provider’s real responses', () => {
  it('reads every session of response_1 as a valid event', async () => {
    const { events, rejects } = await parseFixture('response_1.xml', MADRID);

    expect(rejects).toEqual([]);
    expect(events.map((e) => [e.baseEventId, e.eventId])).toEqual([
      ['291', '291'],
      ['322', '1642'],
      ['1591', '1642'],
    ]);
  });

  it('gives the same event_id under different base events different ids', async () => {
    const { events } = await parseFixture('response_1.xml', MADRID);
    const [, pantomima, morancos] = events;

    expect(pantomima?.id).toBe(eventId('fever', '322', '1642'));
    expect(morancos?.id).toBe(eventId('fever', '1591', '1642'));
    expect(pantomima?.id).not.toBe(morancos?.id);
  });

  it('normalizes a session completely, in the provider’s time zone', async () => {
    const { events } = await parseFixture('response_1.xml', MADRID);

    expect(events[1]).toEqual({
      id: eventId('fever', '322', '1642'),
      providerId: 'fever',
      baseEventId: '322',
      eventId: '1642',
      title: 'Pantomima Full',
      sellMode: 'online',
      organizerCompanyId: '2',
      soldOut: false,
      sellFrom: { local: '2021-01-01T00:00:00', instant: '2020-12-31T23:00:00.000Z' },
      sellTo: { local: '2021-02-09T19:50:00', instant: '2021-02-09T18:50:00.000Z' },
      start: { local: '2021-02-10T20:00:00', instant: '2021-02-10T19:00:00.000Z' },
      end: { local: '2021-02-10T21:30:00', instant: '2021-02-10T20:30:00.000Z' },
      zones: [{ zoneId: '311', name: 'A42', capacity: 2, price: 55, numbered: true }],
      minPrice: 55,
      maxPrice: 55,
    });
  });

  it('reads a missing organizer_company_id as null', async () => {
    const { events } = await parseFixture('response_1.xml', MADRID);

    expect(events[0]?.organizerCompanyId).toBeNull();
  });

  it('converts summer wall-clock times in Europe/Madrid at UTC+2', async () => {
    const { events } = await parseFixture('response_1.xml', MADRID);

    expect(events[0]?.start).toEqual({ local: '2021-06-30T21:00:00', instant: '2021-06-30T19:00:00.000Z' });
  });

  it('keeps both zones that share zone_id 186', async () => {
    const { events } = await parseFixture('response_1.xml', MADRID);

    expect(events[2]?.zones).toEqual([
      { zoneId: '186', name: 'Amfiteatre', capacity: 2, price: 75, numbered: true },
      { zoneId: '186', name: 'Amfiteatre', capacity: 16, price: 65, numbered: false },
    ]);
  });

  it('prices a session only over zones with capacity left', async () => {
    const { events } = await parseFixture('response_2.xml', MADRID);
    const morancos = events.find((e) => e.baseEventId === '1591');

    expect(morancos?.zones.map((z) => [z.capacity, z.price])).toEqual([
      [0, 75],
      [14, 65],
    ]);
    expect([morancos?.minPrice, morancos?.maxPrice]).toEqual([65, 65]);
  });

  it.each(['response_2.xml', 'response_3.xml'])(
    'rejects an event whose start date does not exist and keeps the others (%s)',
    async (name) => {
      const { events, rejects } = await parseFixture(name, MADRID);

      expect(events.map((e) => e.baseEventId)).toEqual(['291', '1591']);
      expect(rejects).toHaveLength(1);
      expect(rejects[0]).toMatchObject({
        providerId: 'fever',
        baseEventId: '444',
        eventId: '1642',
        position: { line: 18, column: 10 },
      });
      expect(rejects[0]?.reason).toContain('event_start_date: "2021-09-31T20:00:00" is not a valid');
      expect(rejects[0]?.snippet).toMatch(
        /^<base_event base_event_id="444".*<event .*event_id="1642".*<\/base_event>$/,
      );
    },
  );

  it('gives a session the same id in every response, so syncs update it in place', async () => {
    const ids = await Promise.all(
      ['response_1.xml', 'response_2.xml', 'response_3.xml'].map(async (name) => {
        const { events } = await parseFixture(name, MADRID);
        return events.find((e) => e.baseEventId === '1591')?.id;
      }),
    );

    expect(new Set(ids)).toEqual(new Set([eventId('fever', '1591', '1642')]));
  });
});
