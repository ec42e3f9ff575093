import { createHash } from 'node:crypto';

/**
 * The partner's id of a slot. A hash of what identifies the slot and nothing else, so a variant that
 * changes its prices or seats keeps the id, as a real partner's slot keeps its id when it sells seats.
 */
export function providerSlotId(
  providerId: string,
  productId: string,
  date: string,
  startTime: string,
): string {
  return createHash('sha256')
    .update(`${providerId}/${productId}/${date}/${startTime}`)
    .digest('hex')
    .slice(0, 32);
}
