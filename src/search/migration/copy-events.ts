import type { Client, estypes } from '@elastic/elasticsearch';
import { MigrationCopyError } from './migration-errors';

/** How far a copy got. */
export interface CopyProgress {
  copied: number;
  /** Documents the new index already had at the same or a newer version (written there by a sync). */
  newer: number;
  /** Last id copied: the copy goes on after it. */
  checkpoint: string | null;
}

/** How to copy: where to start, how much per request, and at most how fast. */
export interface CopyOptions {
  from: CopyProgress;
  batchSize: number;
  /** Caps the copy rate to spare a busy cluster; unset copies as fast as the cluster takes it. */
  docsPerSecond?: number;
  /** Called after each batch, before the next one is read. */
  onBatch(progress: CopyProgress): Promise<void>;
}

/**
 * Copies every document of `source` into `target` with its version as an external version, in id
 * order, starting after `from.checkpoint`. A document the target already holds at the same or a newer
 * version (a sync wrote it there during the copy) is left alone, so the copy never regresses a write.
 */
export async function copyEvents(
  client: Client,
  source: string,
  target: string,
  options: CopyOptions,
): Promise<CopyProgress> {
  const progress = { ...options.from };
  const started = performance.now();
  const startCount = progress.copied;
  for (;;) {
    const response: estypes.SearchResponse<Record<string, unknown>> = await client.search({
      index: source,
      size: options.batchSize,
      version: true,
      sort: [{ id: 'asc' }],
      query:
        progress.checkpoint === null ? { match_all: {} } : { range: { id: { gt: progress.checkpoint } } },
      track_total_hits: false,
    });
    const hits = response.hits.hits;
    if (hits.length === 0) return progress;
    progress.newer += await indexWithVersions(client, target, hits);
    progress.copied += hits.length;
    progress.checkpoint = String(hits.at(-1)!.sort![0]);
    await options.onBatch({ ...progress });
    if (hits.length < options.batchSize) return progress;
    await keepUnder(options.docsPerSecond, progress.copied - startCount, started);
  }
}

/** Copies the documents `ids` of `source` into `target` with their versions; returns how many were newer there. */
export async function copyDocuments(
  client: Client,
  source: string,
  target: string,
  ids: string[],
): Promise<number> {
  let newer = 0;
  for (let i = 0; i < ids.length; i += 500) {
    const response = await client.mget<Record<string, unknown>>({
      index: source,
      ids: ids.slice(i, i + 500),
    });
    const found = response.docs.filter(
      (doc): doc is estypes.GetGetResult<Record<string, unknown>> => 'found' in doc && doc.found,
    );
    newer += await indexWithVersions(client, target, found);
  }
  return newer;
}

/** Bulk-indexes the hits into `target` at their versions; returns the conflicts (newer there). */
async function indexWithVersions(
  client: Client,
  target: string,
  hits: { _id?: string | null; _version?: number; _source?: Record<string, unknown> }[],
): Promise<number> {
  if (hits.length === 0) return 0;
  const operations = hits.flatMap((hit) => [
    { index: { _index: target, _id: hit._id, version: hit._version, version_type: 'external' } },
    hit._source,
  ]);
  const response = await client.bulk({ operations, refresh: false });
  if (!response.errors) return 0;
  let conflicts = 0;
  for (const item of response.items) {
    const result = item.index!;
    if (!result.error) continue;
    if (result.status !== 409)
      throw new MigrationCopyError(target, result._id ?? '?', describe(result.error));
    conflicts += 1;
  }
  return conflicts;
}

function describe(error: estypes.ErrorCause): string {
  return `${error.type}: ${error.reason ?? ''}`;
}

/** Waits as long as copying `copied` documents since `started` went faster than `docsPerSecond`. */
async function keepUnder(docsPerSecond: number | undefined, copied: number, started: number): Promise<void> {
  if (!docsPerSecond) return;
  const due = started + (copied / docsPerSecond) * 1000 - performance.now();
  if (due > 0) await new Promise((resolve) => setTimeout(resolve, due));
}
