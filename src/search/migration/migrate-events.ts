import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { Client } from '@elastic/elasticsearch';
import type { IndexNames } from '../index-names';
import { currentEventsIndex } from './events-alias';
import { eventsIndexOf, versionOfEventsIndex, type EventsMappingTarget } from './events-mapping-target';
import { EventsAliasMissingError, MigrationFailedElsewhereError } from './migration-errors';
import { MigrationLock, type LockOptions, type MigrationPlan } from './migration-lock';
import type { MigrationProgress } from './migration-progress';
import { ensureMigrationsIndex } from './migrations-index';
import { runMigration } from './run-migration';

/** Tuning of a migration; every field has a default fit for production. */
export interface MigrateOptions {
  /** Names this process in the lock; host, pid and a random suffix by default. */
  owner?: string;
  /** How long the lock outlives a process that stops renewing it (default 30 s). */
  leaseMs?: number;
  /** How often a process that waits for another one's migration looks again (default 1 s). */
  pollMs?: number;
  /** Documents per copy request (default 500: events with hundreds of zones weigh tens of KB each). */
  batchSize?: number;
  /** Caps the copy rate, to spare a busy cluster; unset copies as fast as the cluster takes it. */
  docsPerSecond?: number;
  onProgress?: (progress: MigrationProgress) => void;
}

/** How a call ended: nothing to do, migrated here, or waited for another process that migrated. */
export interface MigrationResult {
  outcome: 'current' | 'migrated' | 'joined';
  /** The index the alias points at now. */
  index: string;
  /** Documents verified in the new index, when this call migrated. */
  documents?: number;
  seconds: number;
}

/**
 * Brings the events alias to `target`'s mapping version with no downtime: creates the new index,
 * copies the current one into it while writes are copied too, seals, verifies, and switches the alias
 * atomically (see run-migration.ts and seal-events-index.ts). Safe to call from every process at once:
 * one takes the lock and migrates, the others wait for the alias to move and return `joined`. An alias
 * already on `target`'s version, or a newer one, is left alone.
 */
export async function migrateEvents(
  client: Client,
  names: IndexNames,
  target: EventsMappingTarget,
  options: MigrateOptions = {},
): Promise<MigrationResult> {
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  const lockOptions = {
    owner: options.owner ?? defaultOwner(),
    leaseMs: options.leaseMs ?? 30_000,
    onProgress: options.onProgress,
  };
  let waited = false;
  for (;;) {
    const current = await currentEventsIndex(client, names);
    if (current === null) throw new EventsAliasMissingError(names.events);
    if ((versionOfEventsIndex(names, current) ?? -1) >= target.version) {
      await closeAbandoned(client, names, current, lockOptions);
      return { outcome: waited ? 'joined' : 'current', index: current, seconds: seconds() };
    }
    const plan = {
      source: current,
      target: eventsIndexOf(names, target.version),
      targetVersion: target.version,
    };
    const lock = await tryLock(client, names, plan, lockOptions, waited);
    if (lock) {
      const documents = await migrateHolding(client, names, lock, target, options);
      if (documents !== null)
        return { outcome: 'migrated', index: plan.target, documents, seconds: seconds() };
      continue;
    }
    waited = true;
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 1000));
  }
}

/** The lock for `plan`, or null while another process holds it (reported once, when this one starts waiting). */
async function tryLock(
  client: Client,
  names: IndexNames,
  plan: MigrationPlan,
  options: LockOptions & Pick<MigrateOptions, 'onProgress'>,
  waited: boolean,
): Promise<MigrationLock | null> {
  await ensureMigrationsIndex(client, names);
  const found = await MigrationLock.read(client, names);
  if (waited && found?.marker.state === 'failed')
    throw new MigrationFailedElsewhereError(found.marker.owner, found.marker.error);
  // Another process finished this very migration after this one read the alias: taking the free lock
  // would replace its record with an empty one. The alias, read again, shows the migration done.
  if (found?.marker.state === 'done' && found.marker.target === plan.target) return null;
  const lock = await MigrationLock.acquire(client, names, plan, options, found);
  if (!lock && !waited && found)
    options.onProgress?.({ step: 'waiting', owner: found.marker.owner, target: found.marker.target });
  return lock;
}

/** Runs the migration under `lock`; the documents verified, or null if the alias had moved meanwhile. */
async function migrateHolding(
  client: Client,
  names: IndexNames,
  lock: MigrationLock,
  target: EventsMappingTarget,
  options: MigrateOptions,
): Promise<number | null> {
  const { source, target: targetIndex } = lock.marker;
  if ((await currentEventsIndex(client, names)) !== source) {
    // Another process switched the alias between this one's read and its lock: nothing is left to do.
    await lock.update({ state: 'done', finished_at: new Date().toISOString() });
    return null;
  }
  const report = options.onProgress ?? (() => undefined);
  report({ step: 'started', source, target: targetIndex, resumed: lock.marker.state !== 'preparing' });
  lock.startHeartbeat();
  try {
    const { batchSize = 500, docsPerSecond } = options;
    const run = { client, names, lock, mapping: target.mapping, batchSize, docsPerSecond, report };
    return (await runMigration(run)).count;
  } finally {
    lock.stopHeartbeat();
  }
}

/** Marks done a migration whose process switched the alias and stopped before it could say so. */
async function closeAbandoned(
  client: Client,
  names: IndexNames,
  current: string,
  options: LockOptions,
): Promise<void> {
  const found = await MigrationLock.read(client, names);
  if (found?.marker.target !== current || !['copying', 'sealing'].includes(found.marker.state)) return;
  const { source, target_version: targetVersion } = found.marker;
  const lock = await MigrationLock.acquire(
    client,
    names,
    { source, target: current, targetVersion },
    options,
    found,
  );
  await lock?.update({ state: 'done', finished_at: new Date().toISOString() });
}

function defaultOwner(): string {
  return `${os.hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
}
