import { trackedState } from '../../../src/search/changed-fields';
import { toFeedDocument } from '../../../src/search/event-document';
import { historyDocumentId, toHistoryDocument } from '../../../src/search/event-history-document';
import { prepareEvent } from '../../../src/search/prepared-event';
import { toZonePriceDocument, zonePriceDocumentId } from '../../../src/search/zone-price-document';
import { makeEvent } from '../../support/fixture-events';

const RUN = { runId: 'sync-test.eventhub#run-1', fetchedAt: '2026-01-01T00:00:00.000Z' };

describe('history and zone price documents', () => {
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
      tracked: trackedState(toFeedDocument(event)),
    });
  });

  it('record a change with the run that made it, the event’s price and capacity then, and its tracked state', () => {
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
      tracked: facts.tracked,
    });
  });

  it('give each zone price row its month as an instant and the mean price over its zones', () => {
    const row = {
      providerId: 'test',
      zoneName: 'Platea',
      month: '2030-03',
      events: 2,
      zones: 4,
      numberedZones: 1,
      capacity: 15,
      minPrice: 20,
      maxPrice: 35,
      priceSum: 110,
    };
    expect(toZonePriceDocument(row, RUN)).toEqual({
      provider_id: 'test',
      zone_name: 'Platea',
      month: '2030-03-01T00:00:00.000Z',
      events: 2,
      zones: 4,
      numbered_zones: 1,
      capacity: 15,
      min_price: 20,
      max_price: 35,
      price_sum: 110,
      avg_price: 27.5,
      run_id: RUN.runId,
      fetched_at: RUN.fetchedAt,
    });
  });

  it('have ids that name the event with the run, or the provider and month with the zone name', () => {
    expect(historyDocumentId(event.id, RUN.runId)).toBe(`${event.id}:${RUN.runId}`);
    const row = { providerId: 'test', month: '2030-03', zoneName: 'Grada: 1' };
    expect(zonePriceDocumentId(row)).toBe('test:2030-03:Grada: 1');
    expect(zonePriceDocumentId({ ...row, zoneName: 'x'.repeat(600) })).toMatch(/^sha256-[0-9a-f]{64}$/);
  });
});
