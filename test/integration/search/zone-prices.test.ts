import type { ZonePriceRow } from '../../../src/domain/zone-price-rollup';
import type { WriteContext } from '../../../src/search/event-writer';
import type { ZonePriceDocument } from '../../../src/search/zone-price-document';
import { writeZonePrices } from '../../../src/search/write-zone-prices';
import { freshIndicesPerTest } from '../../support/test-indices';

const RUN_1: WriteContext = { runId: 'r1', fetchedAt: '2026-01-01T00:00:00.000Z' };
const RUN_2: WriteContext = { runId: 'r2', fetchedAt: '2026-01-02T00:00:00.000Z' };

function row(zoneName: string, month: string, priceSum: number, providerId = 'test'): ZonePriceRow {
  return {
    providerId,
    zoneName,
    month,
    events: 1,
    zones: 2,
    numberedZones: 1,
    capacity: 10,
    minPrice: priceSum / 4,
    maxPrice: (priceSum * 3) / 4,
    priceSum,
  };
}

describe('zone prices on a real Elasticsearch node', () => {
  const indices = freshIndicesPerTest();

  /** Writes the provider's rows as `run` does. */
  function write(providerId: string, written: ZonePriceRow[], run: WriteContext): Promise<void> {
    return writeZonePrices(indices.client, indices.names, providerId, written, run);
  }

  async function rows(): Promise<[string, string, string, number, string][]> {
    await indices.client.indices.refresh({ index: indices.names.zonePrices });
    const response = await indices.client.search<ZonePriceDocument>({
      index: indices.names.zonePrices,
      size: 100,
      sort: [{ provider_id: 'asc' }, { month: 'asc' }, { zone_name: 'asc' }],
    });
    return response.hits.hits.map(({ _source: d }) => [
      d!.provider_id,
      d!.month.slice(0, 7),
      d!.zone_name,
      d!.price_sum,
      d!.run_id,
    ]);
  }

  it('replaces a provider’s rows with its latest run’s, deleting those the run no longer has', async () => {
    await write('test', [row('Platea', '2030-03', 40), row('VIP', '2030-03', 200)], RUN_1);
    await write('test', [row('Platea', '2030-03', 44), row('Platea', '2030-04', 8)], RUN_2);

    expect(await rows()).toEqual([
      ['test', '2030-03', 'Platea', 44, 'r2'],
      ['test', '2030-04', 'Platea', 8, 'r2'],
    ]);
  });

  it('lets a run older than the one that wrote the rows change nothing, neither rows nor deletions', async () => {
    await write('test', [row('Platea', '2030-03', 44)], RUN_2);
    await write('test', [row('Platea', '2030-03', 40), row('VIP', '2030-03', 200)], RUN_1);

    expect(await rows()).toEqual([['test', '2030-03', 'Platea', 44, 'r2']]);
  });

  it('writes the same rows again when a run is retried, and leaves other providers alone', async () => {
    await write('other', [row('Palco', '2030-05', 70, 'other')], RUN_1);
    await write('test', [row('Platea', '2030-03', 40)], RUN_2);
    await write('test', [row('Platea', '2030-03', 40)], RUN_2);

    expect(await rows()).toEqual([
      ['other', '2030-05', 'Palco', 70, 'r1'],
      ['test', '2030-03', 'Platea', 40, 'r2'],
    ]);
  });
});
