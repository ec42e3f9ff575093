import type { Client, estypes } from '@elastic/elasticsearch';
import type { IndexNames } from '../index-names';
import type { IndexDigest } from './compare-events-indices';
import { copyEvents } from './copy-events';
import { createTargetIndex } from './create-target-index';
import { MigrationLockLostError } from './migration-errors';
import type { MigrationLock } from './migration-lock';
import type { MigrationProgress } from './migration-progress';
import { allowWrites, sealAndSwitch } from './seal-events-index';

/** A migration whose lock this process holds, and how to run its copy. */
export interface HeldMigration {
  client: Client;
  names: IndexNames;
  lock: MigrationLock;
  mapping: estypes.MappingTypeMapping;
  batchSize: number;
  docsPerSecond?: number;
  report(progress: MigrationProgress): void;
}

/**
 * Runs the migration from wherever its marker stands (a fresh plan, or one taken over mid-copy or
 * mid-seal) to the switch, and marks it done. On failure the marker says why and the old index takes
 * writes again, unless the lock was lost: then the process that holds it now decides.
 */
export async function runMigration(run: HeldMigration): Promise<IndexDigest> {
  let digest: IndexDigest;
  try {
    if (run.lock.marker.state !== 'sealing') await copyPhase(run);
    digest = await sealAndSwitch(run);
  } catch (error) {
    await giveUp(run, error);
    throw error;
  }
  // The alias has moved: the migration succeeded even if this write does not (the next start closes it).
  await run.lock.update({ state: 'done', finished_at: new Date().toISOString() }).catch(() => undefined);
  return digest;
}

async function copyPhase(run: HeldMigration): Promise<void> {
  const { client, lock } = run;
  const { source, target } = lock.marker;
  if (lock.marker.state === 'preparing') {
    // A seal whose process died after recording its failure may have left the block behind.
    await allowWrites(client, source);
    await createTargetIndex(client, source, target, run.mapping);
    const total = (await client.count({ index: source })).count;
    await lock.update({ state: 'copying', total });
  }
  // Writes from here on are also copied by their writers (the marker says `copying`); the refresh makes
  // every write that finished before it visible to the copy. Between them, nothing is missed.
  await client.indices.refresh({ index: source });
  await copyEvents(client, source, target, {
    from: { copied: lock.marker.copied, newer: 0, checkpoint: lock.marker.checkpoint },
    batchSize: run.batchSize,
    docsPerSecond: run.docsPerSecond,
    onBatch: async (progress) => {
      await lock.update({ copied: progress.copied, checkpoint: progress.checkpoint });
      run.report({
        step: 'copying',
        copied: progress.copied,
        total: lock.marker.total,
        newer: progress.newer,
      });
    },
  });
  await lock.update({ state: 'sealing' });
}

async function giveUp(run: HeldMigration, error: unknown): Promise<void> {
  if (error instanceof MigrationLockLostError) return;
  try {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    await run.lock.update({ state: 'failed', error: reason, finished_at: new Date().toISOString() });
  } catch {
    // Lost or unreachable: whoever holds the lock next resumes the seal, block included.
    return;
  }
  // Only after the marker says `failed`, so a seal another process took over is never unblocked.
  await allowWrites(run.client, run.lock.marker.source);
}
