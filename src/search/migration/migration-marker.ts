import type { Client } from '@elastic/elasticsearch';
import type { IndexNames } from '../index-names';

/**
 * Where a migration is. `preparing`: lock taken, new index being created. `copying`: documents are
 * copied, and every events write is copied too. `sealing`: the old index is write-blocked while the
 * new one is caught up, verified and given the alias. `done`, `failed`: over; the lock is free.
 */
export type MigrationState = 'preparing' | 'copying' | 'sealing' | 'done' | 'failed';

/** The one document of the migrations index (id {@link MIGRATION_MARKER_ID}): the lock and the plan. */
export interface MigrationMarker {
  state: MigrationState;
  /** The index the alias pointed at when the migration began. */
  source: string;
  target: string;
  target_version: number;
  /** Process that holds the lock, and until when it does unless it renews the lease. */
  owner: string;
  lease_until: string;
  /** Last event id copied in id order: where a migration taken over from a stopped process goes on. */
  checkpoint: string | null;
  copied: number;
  total: number;
  started_at: string;
  updated_at: string;
  finished_at: string | null;
  error: string | null;
}

/** Id of the marker document: there is one events alias, so one migration at a time. */
export const MIGRATION_MARKER_ID = 'events';

/** Whether events writes must also go to `marker.target`: from the start of the copy until the switch. */
export function copiesWrites(marker: MigrationMarker | null): marker is MigrationMarker {
  return marker?.state === 'copying' || marker?.state === 'sealing';
}

/** Whether a process still holds the marker's lock: the migration is under way and its lease is live. */
export function holdsLock(marker: MigrationMarker, now = Date.now()): boolean {
  const underWay = marker.state !== 'done' && marker.state !== 'failed';
  return underWay && Date.parse(marker.lease_until) > now;
}

/** The marker as it is now (a realtime get), or null when no migration ever ran. */
export async function readMigrationMarker(
  client: Client,
  names: IndexNames,
): Promise<MigrationMarker | null> {
  const response = await client.get<MigrationMarker>(
    { index: names.migrations, id: MIGRATION_MARKER_ID, realtime: true },
    { ignore: [404] },
  );
  return response._source ?? null;
}
