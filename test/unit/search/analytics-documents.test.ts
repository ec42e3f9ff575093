import { historyDocumentId, toHistoryDocument } from '../../../src/search/event-history-document';
import { eventZoneDocumentId, toEventZoneDocuments } from '../../../src/search/event-zone-document';
import { prepareEvent } from '../../../src/search/prepared-event';
import { makeEvent } from '../../support/fixture-events';

const RUN = { runId: 'sync-test.eventhub#run-1', fetchedAt: '2026-01-01T00:00:00.000Z' };

describe('history and zone documents', () => {
  const event = makeEvent(2);
  const { facts } = prepareEvent(event);

  it('are built from the facts prepared with the event, not from its document JSON', () => {
    expect(facts).toEqual({
      providerId: 'test',
      title: 'Event 2',
      startsAt: event.start.instant,
      minPrice: 22,
      maxPrice: 22,
      totalCapacity: 10,
      zoneCount: 2,
      zoneGroups: [
        {
          name: 'Platea',
          zones: 1,
          numberedZones: 1,
          capacity: 10,
          minPrice: 22,
          maxPrice: 22,
          priceSum: 22,
        },
        { name: 'Grada', zones: 1, numberedZones: 0, capacity: 0, minPrice: 5, maxPrice: 5, priceSum: 5 },
      ],
    });
  });

  it('record a change with the run that made it and the event’s price and capacity then', () => {
    const history = toHistoryDocument(event.id, facts, { kind: 'changed', changedFields: ['title'] }, RUN);
    expect(history).toEqual({
      event_id: event.id,
      provider_id: 'test',
      run_id: RUN.runId,
      fetched_at: RUN.fetchedAt,
      change: 'changed',
      title: 'Event 2',
      starts_at: event.start.instant,
      min_price: 22,
      max_price: 22,
      total_capacity: 10,
      zone_count: 2,
      changed_fields: ['title'],
    });
  });

  it('give each zone name of an event one document with the event’s provider, title and start', () => {
    const zones = toEventZoneDocuments(event.id, facts, { ...RUN, listed: false });
    expect(zones.map((z) => [z.zone_name, z.avg_price, z.listed, z.title, z.starts_at])).toEqual([
      ['Platea', 22, false, 'Event 2', event.start.instant],
      ['Grada', 5, false, 'Event 2', event.start.instant],
    ]);
  });

  it('have ids that name the event with the run or the zone name, the same every time', () => {
    expect(historyDocumentId(event.id, RUN.runId)).toBe(`${event.id}:${RUN.runId}`);
    expect(eventZoneDocumentId(event.id, 'Grada 1')).toBe(`${event.id}:Grada 1`);
    expect(eventZoneDocumentId(event.id, 'x'.repeat(600))).toMatch(/^sha256-[0-9a-f]{64}$/);
  });
});
