import { errors, type Client } from '@elastic/elasticsearch';
import { productKey } from '../../domain/product-key';
import type { IndexNames } from '../index-names';

/**
 * Records that an answer fetched at `fetchedAt` is being applied to a product's date, unless an answer
 * fetched later already was; false then. Per-slot versions alone cannot tell: an unchanged slot keeps the
 * version of the answer that last changed it, so an older answer arriving late could otherwise write back
 * a value a newer one had confirmed away. Kept beside the providers' own watermarks, one document per date.
 */
export async function claimDate(
  client: Client,
  names: IndexNames,
  answer: { providerId: string; productId: string; date: string; fetchedAt: string },
): Promise<boolean> {
  try {
    await client.index({
      index: names.providerState,
      id: `slot-date:${productKey(answer.providerId, answer.productId)}:${answer.date}`,
      version: Date.parse(answer.fetchedAt),
      // Equal passes: a retry of the same answer claims the date again.
      version_type: 'external_gte',
      document: {
        provider_id: answer.providerId,
        last_fetched_at: answer.fetchedAt,
        updated_at: new Date().toISOString(),
      },
    });
    return true;
  } catch (error) {
    if (error instanceof errors.ResponseError && error.statusCode === 409) return false;
    throw error;
  }
}
