/** A step of an events migration, as `npm run migrate` prints it and a starting worker logs it. */
export type MigrationProgress =
  | { step: 'waiting'; owner: string; target: string }
  | { step: 'started'; source: string; target: string; resumed: boolean }
  | { step: 'copying'; copied: number; total: number; newer: number }
  | { step: 'sealed'; source: string }
  | { step: 'caught-up'; documents: number }
  | { step: 'verified'; documents: number; checksum: string }
  | { step: 'switched'; source: string; target: string };

/** One readable line for a progress step. */
export function describeProgress(progress: MigrationProgress): string {
  switch (progress.step) {
    case 'waiting':
      return `waiting for ${progress.owner}, which is migrating to ${progress.target}`;
    case 'started':
      return `${progress.resumed ? 'resuming' : 'starting'} migration ${progress.source} -> ${progress.target}`;
    case 'copying': {
      const share = progress.total > 0 ? Math.min(100, (100 * progress.copied) / progress.total) : 100;
      return (
        `copied ${progress.copied}/${progress.total} documents (${share.toFixed(0)}%), ` +
        `${progress.newer} already newer in the new index`
      );
    }
    case 'sealed':
      return `${progress.source} sealed (writes wait) while the new index is caught up and verified`;
    case 'caught-up':
      return `caught up ${progress.documents} documents written during the copy`;
    case 'verified':
      return `verified ${progress.documents} documents, ids and versions checksum ${progress.checksum.slice(0, 16)}`;
    case 'switched':
      return (
        `alias now on ${progress.target}; ${progress.source} is kept read-only ` +
        `(delete it once satisfied: DELETE /${progress.source})`
      );
  }
}
