import type { Client, estypes } from '@elastic/elasticsearch';
import { BulkWriteError } from '../bulk-write-error';
import type { IndexNames } from '../index-names';
import { versionOfEventsIndex } from './events-mapping-target';
import { EventsIndexSealedError } from './migration-errors';
import { copiesWrites, holdsLock, readMigrationMarker } from './migration-marker';

/** One action of a bulk request, with its document and its position among the request's actions. */
interface Operation {
  kind: string;
  meta: { _index?: string; _id?: string; version?: number; version_type?: string };
  document: unknown;
  position: number;
}

const SEAL_POLL_MS = 200;

/**
 * Sends a bulk request that writes events documents (it may carry others); returns the positions
 * refused as version conflicts and throws on any other failure, as bulkWrite does. While a migration
 * fills a new events index (src/search/migration/), each write that landed is also sent there at the
 * same external version. The marker is read after the write: if that read misses it, the migration set
 * it later, and its copy, which starts after the marker and a refresh, reads this write from the old
 * index. A write the migration's seal refuses waits for the seal to end and goes through the alias
 * again, by then on the new index.
 */
export async function bulkWriteEvents(
  client: Client,
  names: IndexNames,
  operations: unknown[],
): Promise<Set<number>> {
  const conflicts = new Set<number>();
  let pending = toOperations(operations);
  let blockedWithoutSeal = 0;
  while (pending.length > 0) {
    const { written, blocked } = await send(client, names, pending, conflicts);
    await copyToMigrationTarget(client, names, written);
    if (blocked.length > 0 && !(await waitForSealToEnd(client, names)) && ++blockedWithoutSeal > 1)
      throw new BulkWriteError(403, `index write blocked outside a migration (${blocked.length} documents)`);
    pending = blocked;
  }
  return conflicts;
}

async function send(
  client: Client,
  names: IndexNames,
  operations: Operation[],
  conflicts: Set<number>,
): Promise<{ written: { operation: Operation; index: string }[]; blocked: Operation[] }> {
  const response = await client.bulk({ operations: operations.flatMap(toBody), refresh: false });
  const written: { operation: Operation; index: string }[] = [];
  const blocked: Operation[] = [];
  response.items.forEach((item, i) => {
    const operation = operations[i]!;
    const result = Object.values(item)[0] as estypes.BulkResponseItem;
    if (!result.error) written.push({ operation, index: result._index });
    else if (result.status === 409) conflicts.add(operation.position);
    else if (result.error.type === 'cluster_block_exception' && isEventsWrite(names, operation))
      blocked.push(operation);
    else throw new BulkWriteError(result.status, `${result.error.type}: ${result.error.reason ?? ''}`);
  });
  return { written, blocked };
}

/**
 * Sends the events writes that landed to the migration's new index, if one is being filled. Refusals
 * are left alone: a conflict means the new index already has this version or a newer one, and any
 * other refusal is found by the seal's catch-up, which fails the migration (never the sync) if it persists.
 */
async function copyToMigrationTarget(
  client: Client,
  names: IndexNames,
  written: { operation: Operation; index: string }[],
): Promise<void> {
  const events = written.filter(({ operation }) => isEventsWrite(names, operation));
  if (events.length === 0) return;
  const marker = await readMigrationMarker(client, names);
  if (!copiesWrites(marker)) return;
  const copies = events
    .filter(({ index }) => index !== marker.target)
    .flatMap(({ operation }) => [
      { index: { ...operation.meta, _index: marker.target, version_type: 'external' } },
      operation.document,
    ]);
  if (copies.length > 0) await client.bulk({ operations: copies, refresh: false });
}

/** Waits while the migration's seal lasts; false when no seal is under way (the block is not a migration's). */
async function waitForSealToEnd(client: Client, names: IndexNames): Promise<boolean> {
  let waited = false;
  for (;;) {
    const marker = await readMigrationMarker(client, names);
    if (marker?.state !== 'sealing') return waited || marker?.state === 'done';
    if (!holdsLock(marker)) throw new EventsIndexSealedError(marker.owner);
    waited = true;
    await new Promise((resolve) => setTimeout(resolve, SEAL_POLL_MS));
  }
}

/** Whether an operation indexes a whole events document (through the alias or into an events index). */
function isEventsWrite(names: IndexNames, operation: Operation): boolean {
  const index = operation.meta._index;
  const events =
    index === names.events || (index !== undefined && versionOfEventsIndex(names, index) !== null);
  return events && (operation.kind === 'index' || operation.kind === 'create');
}

function toOperations(body: unknown[]): Operation[] {
  const operations: Operation[] = [];
  for (let i = 0; i < body.length; i++) {
    const [kind, meta] = Object.entries(body[i] as Record<string, Operation['meta']>)[0]!;
    // Every action but delete is followed by its document (or partial document, for update).
    const document = kind === 'delete' ? undefined : body[++i];
    operations.push({ kind, meta, document, position: operations.length });
  }
  return operations;
}

function toBody(operation: Operation): unknown[] {
  const action = { [operation.kind]: operation.meta };
  return operation.kind === 'delete' ? [action] : [action, operation.document];
}
