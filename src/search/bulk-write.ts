import type { Client } from '@elastic/elasticsearch';
import { BulkWriteError } from './bulk-write-error';

/**
 * Sends a bulk request (documents as objects or as JSON text); returns the positions refused as version
 * conflicts, throws on any other failure.
 */
export async function bulkWrite(client: Client, operations: unknown[]): Promise<Set<number>> {
  const conflicts = new Set<number>();
  if (operations.length === 0) return conflicts;
  const response = await client.bulk({ operations, refresh: false });
  if (!response.errors) return conflicts;
  response.items.forEach((item, i) => {
    const result = item.index ?? item.create ?? item.update ?? item.delete;
    if (!result?.error) return;
    if (result.status === 409) conflicts.add(i);
    else throw new BulkWriteError(result.status, `${result.error.type}: ${result.error.reason ?? ''}`);
  });
  return conflicts;
}
