import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Client } from '@elastic/elasticsearch';
import { addDays } from '../../../../src/domain/calendar-date';
import { productKey } from '../../../../src/domain/product-key';
import { parseAvailabilityAnswer } from '../../../../src/providers/availability-json/parse-availability-answer';
import { createElasticsearchClient } from '../../../../src/search/elasticsearch-client';
import { elasticsearchConnection } from '../../../../src/search/elasticsearch-connection';
import { ElasticsearchEventSearch } from '../../../../src/search/elasticsearch-event-search';
import { ensureIndices } from '../../../../src/search/ensure-indices';
import { indexNames, type IndexNames } from '../../../../src/search/index-names';
import { ProviderStateStore } from '../../../../src/search/provider-state-store';
import { UndiciSearchTransport } from '../../../../src/search/search-transport';
import { ElasticsearchAvailability } from '../../../../src/search/slots/elasticsearch-availability';
import { replaceDateSlots } from '../../../../src/search/slots/replace-date-slots';
import { createContractValidator } from '../../../support/contract';
import { deleteIndices } from '../../../support/delete-indices';
import { testConfig } from '../../../support/test-config';
import { waitFor } from '../../../support/wait-for';
import { testCatalog } from '../../../unit/api/fakes/fake-availability';
import { createTestApp, type TestApp } from '../../../unit/api/fakes/test-app';

const TODAY = '2026-12-03';
const GOOD = readFileSync(path.resolve(__dirname, '../../../fixtures/partner/good-answer.json'), 'utf8');
const datesContract = createContractValidator('/products/{id}/dates', { served: true });
const slotsContract = createContractValidator('/products/{id}/slots', { served: true });

describe('the products API over a real Elasticsearch node', () => {
  let client: Client;
  let transport: UndiciSearchTransport;
  let names: IndexNames;
  let t: TestApp;
  let hour = 0;
  let generationReads = 0;

  beforeAll(async () => {
    const config = testConfig();
    client = createElasticsearchClient(elasticsearchConnection(config));
    transport = new UndiciSearchTransport(elasticsearchConnection(config));
    names = indexNames(config.ELASTICSEARCH_INDEX_PREFIX);
    await ensureIndices(client, names);
    // Only a refresh shows writes: what a sync wrote becomes visible when it publishes its generation.
    await client.indices.putSettings({ index: names.slots, settings: { refresh_interval: '-1' } });
    const search = new ElasticsearchEventSearch(client, names, transport);
    // Counts the app's generation reads, so a test knows when the app has taken in a publish.
    const counted = Object.assign(Object.create(search) as ElasticsearchEventSearch, {
      currentGeneration: () => {
        generationReads += 1;
        return search.currentGeneration();
      },
    });
    t = createTestApp({
      eventSearch: counted,
      products: {
        catalog: testCatalog(),
        availability: new ElasticsearchAvailability(client, names),
        now: () => new Date(`${TODAY}T10:00:00Z`),
      },
    });
  });

  afterAll(async () => {
    t.close();
    await deleteIndices(client, names);
    await Promise.all([client.close(), transport.close()]);
  });

  /** Writes the partner's answer for a product and date (the good fixture, edited), as one sync request would. */
  async function answer(productId: string, date: string, edit: (body: string) => string = (b) => b) {
    hour += 1;
    const body = edit(GOOD.replaceAll(TODAY, date));
    const request = { providerId: 'partner', productId, date, timeZone: 'Europe/Madrid' };
    const { slots } = parseAvailabilityAnswer(body, request);
    const fetchedAt = new Date(Date.UTC(2026, 11, 1, hour)).toISOString();
    await replaceDateSlots(client, names, { ...request, slots, fetchedAt, runId: `run-${hour}` });
  }

  /** Publishes a new generation and waits until the app has read it (the poller reads one at a time). */
  async function publish(): Promise<void> {
    await new ProviderStateStore(client, names).bumpGeneration(`run-${hour}`);
    const before = generationReads;
    await waitFor('the app to read the new data generation', () => generationReads >= before + 2, {
      timeoutMs: 10_000,
      intervalMs: 5,
    });
  }

  async function get(route: 'dates' | 'slots', productId: string, query = '') {
    const res = await t.http.get(`/products/${productKey('partner', productId)}/${route}${query}`);
    (route === 'dates' ? datesContract : slotsContract).assert(res.status, res.body);
    return res;
  }

  it('answers the next 60 days that have places left, each at its cheapest price on sale', async () => {
    const soldOutOnly = (body: string) => body.replace(/"remaining": (4|12),/g, '"remaining": 0,');
    await answer('p-1001', addDays(TODAY, -1));
    await answer('p-1001', TODAY);
    await answer('p-1001', addDays(TODAY, 1), soldOutOnly);
    await answer('p-1001', addDays(TODAY, 2));
    await answer('p-1001', addDays(TODAY, 2), () => '[]');
    await answer('p-1001', addDays(TODAY, 59), (b) =>
      b.replace('"finalPrice": 15, "originalPrice": 15', '"finalPrice": 14.5, "originalPrice": 14.5'),
    );
    await answer('p-1001', addDays(TODAY, 60));
    await publish();

    const res = await get('dates', 'p-1001');

    expect(res.body.data.dates).toEqual([
      { date: TODAY, min_price: 15, currency: 'EUR' },
      { date: addDays(TODAY, 59), min_price: 14.5, currency: 'EUR' },
    ]);
  });

  it('answers a date’s available slots by start, with the partner’s pax availability', async () => {
    await answer('p-1002', TODAY);
    await publish();

    const res = await get('slots', 'p-1002', `?date=${TODAY}`);

    expect(res.body.data.slots.map((s: { start_time: string }) => s.start_time)).toEqual([
      '10:00',
      '16:00:00',
      '22:30',
    ]);
    expect(res.body.data.slots[0].pax_availability[0].price).toEqual({
      finalPrice: 30.5,
      originalPrice: 35,
      discount: 4.5,
      currencyCode: 'EUR',
    });
  });

  it('shows what a sync wrote once it publishes its generation, and a slot that disappears no more', async () => {
    await answer('p-1003', TODAY);
    await publish();
    const before = await get('slots', 'p-1003', `?date=${TODAY}`);
    await answer('p-1003', TODAY, (b) => JSON.stringify((JSON.parse(b) as unknown[]).slice(0, 2)));

    const unpublished = await get('slots', 'p-1003', `?date=${TODAY}`);
    await publish();
    const after = await waitFor('the slots of the new generation', async () => {
      const res = await get('slots', 'p-1003', `?date=${TODAY}`);
      return res.headers['x-cache'] === 'MISS' && res;
    });

    expect(before.body.data.slots).toHaveLength(3);
    expect([unpublished.headers['x-cache'], unpublished.body.data.slots.length]).toEqual(['HIT', 3]);
    expect(after.body.data.slots.map((s: { provider_slot_id: string }) => s.provider_slot_id)).toEqual([
      'a8f0c2d1-morning',
      'b7e1-night',
    ]);
  });
});
