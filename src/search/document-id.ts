import { createHash } from 'node:crypto';

// Elasticsearch refuses `_id`s longer than 512 bytes; feed zone ids have no length limit of their own.
const MAX_ID_BYTES = 512;

/**
 * The `_id` for a natural key: the key itself, readable in Kibana, unless it is too long for
 * Elasticsearch; then `sha256-<hex>` of it, which no natural key of ours can spell (they hold `:` or
 * are base64url of a JSON array).
 */
export function documentId(naturalKey: string): string {
  if (Buffer.byteLength(naturalKey, 'utf8') <= MAX_ID_BYTES) return naturalKey;
  return `sha256-${createHash('sha256').update(naturalKey, 'utf8').digest('hex')}`;
}

/**
 * The `_id` of a zone's availability document: `<eventId>:<zoneKey>`. Event ids are UUIDs that already
 * name their provider, and hold no `:`, so the key cannot read as another zone's.
 */
export function zoneDocumentId(eventId: string, zoneKey: string): string {
  return documentId(`${eventId}:${zoneKey}`);
}
