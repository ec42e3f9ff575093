import type { Client } from '@elastic/elasticsearch';
import type { IndexNames } from '../index-names';
import { compareEventsIndices, sameDocuments, type IndexDigest } from './compare-events-indices';
import { copyDocuments } from './copy-events';
import { refreshLikeSource } from './create-target-index';
import { switchEventsAlias } from './events-alias';
import { scanIdVersions } from './id-version-scan';
import { MigrationVerificationError } from './migration-errors';
import type { MigrationLock } from './migration-lock';
import type { MigrationProgress } from './migration-progress';

/** What a seal needs: the clients, the lock (whose marker names both indices) and where progress goes. */
export interface SealContext {
  client: Client;
  names: IndexNames;
  lock: MigrationLock;
  report(progress: MigrationProgress): void;
}

/**
 * Ends a migration whose copy is complete. The write block waits for writes already in flight on the
 * old index and refuses new ones (writers wait for the seal to end, then write through the alias
 * again), so the old index stops moving. Then whatever the new index lacks or holds at an older
 * version is copied, and both are compared by count and a checksum of ids and versions: only an exact
 * match moves the alias. Correctness rests on this catch-up, not on writers' copies, which only keep
 * it short. The old index is left sealed (read-only) for ops to delete.
 */
export async function sealAndSwitch(context: SealContext): Promise<IndexDigest> {
  const { client, lock } = context;
  const { source, target } = lock.marker;
  await client.indices.addBlock({ index: source, block: 'write' });
  context.report({ step: 'sealed', source });
  await refreshLikeSource(client, source, target);
  await client.indices.refresh({ index: [source, target] });
  const first = await compare(client, source, target);
  if (first.behind.length > 0) {
    await copyDocuments(client, source, target, first.behind);
    await client.indices.refresh({ index: target });
  }
  context.report({ step: 'caught-up', documents: first.behind.length });
  const check = first.behind.length > 0 ? await compare(client, source, target) : first;
  if (!sameDocuments(check)) {
    throw new MigrationVerificationError(
      { index: source, ...check.source },
      { index: target, ...check.target },
      [...check.behind, ...check.ahead],
    );
  }
  context.report({ step: 'verified', documents: check.target.count, checksum: check.target.checksum });
  // A process whose lease lapsed must not switch beside the one that took over: this write fails then.
  await lock.update();
  await switchEventsAlias(client, context.names, source, target);
  context.report({ step: 'switched', source, target });
  return check.target;
}

/** Lifts the write block a seal put on the old index (a no-op when there is none). */
export async function allowWrites(client: Client, index: string): Promise<void> {
  await client.indices.putSettings({ index, settings: { 'index.blocks.write': false } });
}

function compare(client: Client, source: string, target: string) {
  return compareEventsIndices(scanIdVersions(client, source), scanIdVersions(client, target));
}
