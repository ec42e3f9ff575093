import type { Client } from '@elastic/elasticsearch';
import type { IndexNames } from './index-names';

/** Id of the document holding the data generation API caches are keyed by. */
export const GENERATION_DOC_ID = '_generation';

/** What the last successful sync of a provider left behind. */
export interface ProviderState {
  lastFetchedAt: string | null;
  lastSha256: string | null;
}

/** Per-provider sync state and the global data generation, kept in a small index. */
export class ProviderStateStore {
  constructor(
    private readonly client: Client,
    private readonly names: IndexNames,
  ) {}

  async read(providerId: string): Promise<ProviderState> {
    const response = await this.client.get<{ last_fetched_at?: string; last_sha256?: string }>(
      { index: this.names.providerState, id: providerId },
      { ignore: [404] },
    );
    return {
      lastFetchedAt: response._source?.last_fetched_at ?? null,
      lastSha256: response._source?.last_sha256 ?? null,
    };
  }

  /** Records a completed sync; never moves the watermark backwards (a late, older run cannot rewind it). */
  async recordSuccess(providerId: string, fetchedAt: string, sha256: string): Promise<void> {
    const version = Date.parse(fetchedAt);
    await this.client
      .index({
        index: this.names.providerState,
        id: providerId,
        version,
        version_type: 'external_gte',
        document: {
          provider_id: providerId,
          last_fetched_at: fetchedAt,
          last_sha256: sha256,
          updated_at: new Date().toISOString(),
        },
        refresh: true,
      })
      .catch((error: { meta?: { statusCode?: number } }) => {
        if (error.meta?.statusCode !== 409) throw error;
      });
  }

  /** Publishes a new data generation after making the latest writes of events and slots searchable. */
  async bumpGeneration(runId: string): Promise<string> {
    await this.client.indices.refresh({ index: [this.names.events, this.names.slots] });
    const generation = `${Date.now().toString(36)}-${runId}`;
    await this.client.index({
      index: this.names.providerState,
      id: GENERATION_DOC_ID,
      document: { generation, updated_at: new Date().toISOString() },
      refresh: true,
    });
    return generation;
  }
}
