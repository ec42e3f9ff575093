import { uuidV5 } from './uuid-v5';

/**
 * Namespace of every product key. Generated once at random for this system; changing it would give every
 * stored slot and every consumer's bookmarked product a new id, so it never changes.
 */
export const PRODUCT_KEY_NAMESPACE = '934109a7-61ab-4635-b57e-f42e1461de45';

/**
 * The hub's id of a partner's product: UUIDv5 of `provider:productId`. Provider ids and configured product
 * ids hold no `:` (their settings refuse it), so the name needs no escaping.
 */
export function productKey(providerId: string, productId: string): string {
  return uuidV5(`${providerId}:${productId}`, PRODUCT_KEY_NAMESPACE);
}
