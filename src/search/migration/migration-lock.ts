import { errors, type Client } from '@elastic/elasticsearch';
import type { IndexNames } from '../index-names';
import { MigrationLockLostError } from './migration-errors';
import { holdsLock, MIGRATION_MARKER_ID, type MigrationMarker } from './migration-marker';

/** The marker with the sequence number and primary term a compare-and-set write is conditioned on. */
export interface VersionedMarker {
  marker: MigrationMarker;
  seqNo: number;
  primaryTerm: number;
}

/** What a migration sets out to do. */
export interface MigrationPlan {
  source: string;
  target: string;
  targetVersion: number;
}

/** Who takes the lock and for how long a lease lasts unless renewed. */
export interface LockOptions {
  owner: string;
  leaseMs: number;
}

/**
 * The events migration's lock: the marker document, held by one process at a time under a lease it
 * renews. Every write of the marker is a compare-and-set on its sequence number, so a process whose
 * lease lapsed and was taken over finds out on its next write instead of carrying on beside the new owner.
 */
export class MigrationLock {
  private chain: Promise<unknown> = Promise.resolve();
  private heartbeat: NodeJS.Timeout | undefined;
  private lost = false;

  private constructor(
    private readonly client: Client,
    private readonly names: IndexNames,
    private current: VersionedMarker,
    private readonly options: LockOptions,
  ) {}

  /** The marker as it is now, with its sequence number; null when no migration ever ran. */
  static async read(client: Client, names: IndexNames): Promise<VersionedMarker | null> {
    const response = await client.get<MigrationMarker>(
      { index: names.migrations, id: MIGRATION_MARKER_ID, realtime: true },
      { ignore: [404] },
    );
    if (!response._source) return null;
    return { marker: response._source, seqNo: response._seq_no!, primaryTerm: response._primary_term! };
  }

  /**
   * Takes the lock for `plan` unless a live process holds it: creates the marker, or replaces `found`
   * if it is over or its owner stopped renewing. Of several processes trying at once exactly one wins;
   * the others get null. A marker abandoned mid-way on the same plan is taken over as it stands, so the
   * migration resumes where it stopped (a failed one starts over: writes were not copied meanwhile).
   */
  static async acquire(
    client: Client,
    names: IndexNames,
    plan: MigrationPlan,
    options: LockOptions,
    found: VersionedMarker | null,
  ): Promise<MigrationLock | null> {
    const now = new Date();
    if (found && holdsLock(found.marker, now.getTime())) return null;
    const marker = resumable(found?.marker, plan) ?? freshMarker(plan, now);
    Object.assign(marker, {
      owner: options.owner,
      lease_until: leaseEnd(options),
      updated_at: now.toISOString(),
    });
    try {
      const response = await client.index({
        index: names.migrations,
        id: MIGRATION_MARKER_ID,
        document: marker,
        ...(found ? { if_seq_no: found.seqNo, if_primary_term: found.primaryTerm } : { op_type: 'create' }),
      });
      const current = { marker, seqNo: response._seq_no!, primaryTerm: response._primary_term! };
      return new MigrationLock(client, names, current, options);
    } catch (error) {
      if (error instanceof errors.ResponseError && error.statusCode === 409) return null;
      throw error;
    }
  }

  /** The marker as this process last wrote it. */
  get marker(): MigrationMarker {
    return this.current.marker;
  }

  /** Writes `changes` into the marker and renews the lease; MigrationLockLostError if it was taken over. */
  update(changes: Partial<MigrationMarker> = {}): Promise<void> {
    const write = this.chain.then(() => this.write(changes));
    this.chain = write.catch(() => undefined);
    return write;
  }

  /** Renews the lease every third of it, so slow steps (a long copy, a catch-up) keep the lock. */
  startHeartbeat(): void {
    this.heartbeat ??= setInterval(() => {
      // A failed renewal is retried on the next beat; a lost lock surfaces on the migration's next write.
      this.update().catch(() => undefined);
    }, this.options.leaseMs / 3).unref();
  }

  /** Stops renewing; the marker stays as last written. */
  stopHeartbeat(): void {
    clearInterval(this.heartbeat);
    this.heartbeat = undefined;
  }

  private async write(changes: Partial<MigrationMarker>): Promise<void> {
    if (this.lost) throw new MigrationLockLostError(this.options.owner);
    const now = new Date().toISOString();
    const marker = {
      ...this.current.marker,
      ...changes,
      lease_until: leaseEnd(this.options),
      updated_at: now,
    };
    try {
      const response = await this.client.index({
        index: this.names.migrations,
        id: MIGRATION_MARKER_ID,
        document: marker,
        if_seq_no: this.current.seqNo,
        if_primary_term: this.current.primaryTerm,
      });
      this.current = { marker, seqNo: response._seq_no!, primaryTerm: response._primary_term! };
    } catch (error) {
      if (!(error instanceof errors.ResponseError) || error.statusCode !== 409) throw error;
      this.lost = true;
      this.stopHeartbeat();
      throw new MigrationLockLostError(this.options.owner);
    }
  }
}

function leaseEnd(options: LockOptions): string {
  return new Date(Date.now() + options.leaseMs).toISOString();
}

function resumable(marker: MigrationMarker | undefined, plan: MigrationPlan): MigrationMarker | null {
  if (!marker || marker.source !== plan.source || marker.target !== plan.target) return null;
  return marker.state === 'copying' || marker.state === 'sealing' ? { ...marker } : null;
}

function freshMarker(plan: MigrationPlan, now: Date): MigrationMarker {
  return {
    state: 'preparing',
    source: plan.source,
    target: plan.target,
    target_version: plan.targetVersion,
    owner: '',
    lease_until: now.toISOString(),
    checkpoint: null,
    copied: 0,
    total: 0,
    started_at: now.toISOString(),
    updated_at: now.toISOString(),
    finished_at: null,
    error: null,
  };
}
