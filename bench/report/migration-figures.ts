import type { MigrationBenchResult } from '../scenarios/migrate-bench-index';
import { figure, type Figure } from './figure';

const MB = 1024 * 1024;

/** How long a mapping migration of the main feed's index takes, against writing that index in the first place. */
export function migrationFigures(r: MigrationBenchResult): Figure[] {
  return [
    figure('migration.bench_index_s', r.seconds, 's', {
      baseline: ['parsing and writing the index', r.buildSeconds],
      detail: {
        sealedSeconds: r.sealedSeconds,
        documents: r.documents,
        storeMb: r.storeBytes / MB,
        documentsPerSecond: r.seconds > 0 ? r.documents / r.seconds : null,
      },
    }),
  ];
}
