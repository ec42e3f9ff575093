/** Thrown when the events alias does not exist: indices were never ensured, so there is nothing to migrate. */
export class EventsAliasMissingError extends Error {
  override name = 'EventsAliasMissingError';

  constructor(alias: string) {
    super(`alias ${alias} does not exist; start a worker or an API process once to create it`);
  }
}

/** Thrown when the new index refuses a document of the old one for a reason other than a newer version. */
export class MigrationCopyError extends Error {
  override name = 'MigrationCopyError';

  constructor(target: string, id: string, reason: string) {
    super(`${target} refused document ${id}: ${reason}`);
  }
}

/**
 * Thrown when, with the old index sealed and the new one caught up, the two do not hold the same
 * documents at the same versions; the alias is left where it was and the old index takes writes again.
 */
export class MigrationVerificationError extends Error {
  override name = 'MigrationVerificationError';

  constructor(
    readonly source: { index: string; count: number; checksum: string },
    readonly target: { index: string; count: number; checksum: string },
    readonly differing: string[],
  ) {
    super(
      `verification failed, alias not switched: ${source.index} has ${source.count} documents ` +
        `(checksum ${source.checksum.slice(0, 12)}), ${target.index} has ${target.count} ` +
        `(checksum ${target.checksum.slice(0, 12)}); differing ids include ${differing.slice(0, 5).join(', ')}; ` +
        `the next start copies into ${target.index} again (delete it to start from an empty index)`,
    );
  }
}

/** Thrown when another process took the migration over because this one's lease lapsed. */
export class MigrationLockLostError extends Error {
  override name = 'MigrationLockLostError';

  constructor(owner: string) {
    super(`migration lock of ${owner} was taken over by another process (its lease lapsed)`);
  }
}

/** Thrown when the migration this process waited for failed in the process that ran it. */
export class MigrationFailedElsewhereError extends Error {
  override name = 'MigrationFailedElsewhereError';

  constructor(owner: string, reason: string | null) {
    super(`the events migration run by ${owner} failed: ${reason ?? 'no reason recorded'}`);
  }
}

/** Thrown when an events write met an index sealed by a migration whose process stopped renewing its lease. */
export class EventsIndexSealedError extends Error {
  override name = 'EventsIndexSealedError';

  constructor(owner: string) {
    super(
      `events index sealed by a migration whose owner (${owner}) stopped; the next migration start ends it`,
    );
  }
}
