import type { Client } from '@elastic/elasticsearch';
import { documentId } from './document-id';
import type { IndexNames } from './index-names';

/** What the last answer for one (product, date) pair of a partner left behind. */
export interface PairState {
  lastFetchedAt: string;
  lastSha256: string;
}

interface PartnerStateDocument {
  provider_id: string;
  product_id?: string;
  date?: string;
  last_fetched_at?: string;
  last_sha256?: string;
  cool_down_until?: string;
  updated_at: string;
}

/**
 * A partner's sync state in the provider-state index: one document per (product, date) pair, the scope
 * a request covers, and one holding the partner's 429 cool-down, which every worker reads before asking.
 */
export class PartnerStateStore {
  constructor(
    private readonly client: Client,
    private readonly names: IndexNames,
  ) {}

  /** The states of the given pairs that have one, keyed by `pairKey(productId, date)`. */
  async readPairs(
    providerId: string,
    pairs: { productId: string; date: string }[],
  ): Promise<Map<string, PairState>> {
    const states = new Map<string, PairState>();
    if (pairs.length === 0) return states;
    const response = await this.client.mget<PartnerStateDocument>({
      index: this.names.providerState,
      ids: pairs.map((p) => pairDocumentId(providerId, p.productId, p.date)),
    });
    for (const doc of response.docs) {
      if (!('found' in doc) || !doc.found || !doc._source) continue;
      const { product_id, date, last_fetched_at, last_sha256 } = doc._source;
      if (product_id && date && last_fetched_at && last_sha256)
        states.set(pairKey(product_id, date), { lastFetchedAt: last_fetched_at, lastSha256: last_sha256 });
    }
    return states;
  }

  /** Records an answer; a late, older answer never replaces a newer one's state. */
  async recordPair(providerId: string, productId: string, date: string, state: PairState): Promise<void> {
    await this.writeVersioned(pairDocumentId(providerId, productId, date), Date.parse(state.lastFetchedAt), {
      provider_id: providerId,
      product_id: productId,
      date,
      last_fetched_at: state.lastFetchedAt,
      last_sha256: state.lastSha256,
      updated_at: new Date().toISOString(),
    });
  }

  /** Until when (epoch ms) the partner asked everyone to stop; 0 when it did not. */
  async coolDownUntil(providerId: string): Promise<number> {
    const response = await this.client.get<PartnerStateDocument>(
      { index: this.names.providerState, id: coolDownDocumentId(providerId) },
      { ignore: [404] },
    );
    const until = response._source?.cool_down_until;
    return until ? Date.parse(until) : 0;
  }

  /** Stops every request to the partner until `until`; an earlier cool-down never shortens a later one. */
  async coolDown(providerId: string, until: number): Promise<void> {
    await this.writeVersioned(coolDownDocumentId(providerId), until, {
      provider_id: providerId,
      cool_down_until: new Date(until).toISOString(),
      updated_at: new Date().toISOString(),
    });
  }

  private async writeVersioned(id: string, version: number, document: PartnerStateDocument): Promise<void> {
    await this.client
      .index({
        index: this.names.providerState,
        id,
        version,
        version_type: 'external_gte',
        document,
        refresh: true,
      })
      .catch((error: { meta?: { statusCode?: number } }) => {
        if (error.meta?.statusCode !== 409) throw error;
      });
  }
}

/** The key `readPairs` answers by. */
export function pairKey(productId: string, date: string): string {
  return `${productId}@${date}`;
}

function pairDocumentId(providerId: string, productId: string, date: string): string {
  return documentId(`pair:${providerId}:${productId}:${date}`);
}

function coolDownDocumentId(providerId: string): string {
  return `cool-down:${providerId}`;
}
