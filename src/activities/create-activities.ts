import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Client } from '@elastic/elasticsearch';
import { ApplicationFailure, Context } from '@temporalio/activity';
import type { Logger } from 'pino';
import type { EventReject } from '../domain/event';
import type { ZonePriceRow } from '../domain/zone-price-rollup';
import { isProviderOfKind, type ProviderSettings } from '../providers/provider-settings';
import type { XmlEventListSettings } from '../providers/xml-event-list/xml-event-list-settings';
import { finishedRun, type RunRecord, type RunSummary } from '../domain/run-summary';
import type { IndexNames } from '../search/index-names';
import { ProviderStateStore } from '../search/provider-state-store';
import { RejectStore } from '../search/reject-store';
import { SyncRunStore } from '../search/sync-run-store';
import { unlistMissingEvents } from '../search/unlist-missing-events';
import { downloadFeed } from '../providers/xml-event-list/download-feed';
import { writeZonePrices } from '../search/write-zone-prices';
import { indexStagedEvents, type IndexCheckpoint } from './index-staged-events';
import { readLineBatches } from './line-file';
import { parseStagedFeed } from './parse-feed';
import { readStagedIds } from './staged-events';
import { removeEndedRuns, requireStagedFiles, runStagingDir } from './staging-area';
import { SyncFailureType } from '../domain/sync-failure-types';
import type { FetchedFeed, IndexedFeed, ParsedFeed, SyncRunRef } from './sync-types';

/** What the sync activities need; `worker.ts` builds it. */
export interface ActivityDeps {
  providers: ProviderSettings[];
  stagingDir: string;
  /** Task queue served only by this worker, for the activities that share its staging files. */
  stagingQueue: string;
  elasticsearch: Client;
  indices: IndexNames;
  logger: Logger;
  /** Most events per bulk request and per heartbeat checkpoint. */
  indexBatchSize: number;
  /** Most bytes of documents per bulk request: events with many zones make fewer per request. */
  indexBatchMaxBytes: number;
  /** Whether the sync run `runId` (see syncRunId) is still open in Temporal; true when unsure. */
  isRunOpen: (runId: string) => Promise<boolean>;
}

/** How a run ended, as the workflow hands it to finishRun / recordFailedRun. */
export interface RunEnding {
  feed: FetchedFeed | null;
  parsed: ParsedFeed | null;
  indexed: IndexedFeed | null;
  failure: { type: string | null; message: string } | null;
}

/** The sync activities, bound to their dependencies. */
export function createActivities(deps: ActivityDeps) {
  const state = new ProviderStateStore(deps.elasticsearch, deps.indices);
  const runs = new SyncRunStore(deps.elasticsearch, deps.indices);
  const rejects = new RejectStore(deps.elasticsearch, deps.indices);
  const provider = (id: string): XmlEventListSettings => {
    const found = deps.providers.find((p) => p.id === id);
    if (found && isProviderOfKind(found, 'xml-event-list')) return found;
    throw ApplicationFailure.create({
      type: SyncFailureType.UnknownProvider,
      message: found
        ? `provider ${id} is of kind ${found.kind}, which has no feed to sync`
        : `provider ${id} is not configured on this worker`,
      nonRetryable: true,
    });
  };

  return {
    /** Names the task queue of the worker that answers, so the next steps run where its files are. */
    claimStagingQueue(): Promise<string> {
      return Promise.resolve(deps.stagingQueue);
    },

    /** Downloads the feed to the staging area; `unchanged` when its hash equals the last successful run's. */
    async fetchFeed(run: SyncRunRef): Promise<FetchedFeed> {
      const settings = provider(run.providerId);
      await removeEndedRuns(deps.stagingDir, run.providerId, run.runId, deps.isRunOpen);
      const file = path.join(runStagingDir(deps.stagingDir, run.providerId, run.runId), 'feed.xml');
      const feed = await downloadFeed(settings, file, (bytes) => Context.current().heartbeat({ bytes }));
      const last = await state.read(run.providerId);
      return { ...feed, unchanged: last.lastSha256 === feed.sha256 };
    },

    /** Parses and validates the staged feed into normalized events and rejects. */
    async parseFeed(run: SyncRunRef, feed: FetchedFeed): Promise<ParsedFeed> {
      await requireStagedFiles('parseFeed', [feed.path]);
      return parseStagedFeed(provider(run.providerId), feed.path, (events, rejected) =>
        Context.current().heartbeat({ events, rejected }),
      );
    },

    /** Writes new and changed events, resuming from the last heartbeat after a retry. */
    async indexEvents(run: SyncRunRef, feed: FetchedFeed, parsed: ParsedFeed): Promise<IndexedFeed> {
      await requireStagedFiles('indexEvents', [parsed.eventsPath]);
      const last = await state.read(run.providerId);
      if (last.lastFetchedAt && Date.parse(last.lastFetchedAt) > Date.parse(feed.fetchedAt)) {
        deps.logger.warn(
          { run, lastFetchedAt: last.lastFetchedAt },
          'feed is older than the indexed data; not written',
        );
        return { new: 0, changed: 0, unchanged: 0, superseded: parsed.events, stale: true };
      }
      const counts = await indexStagedEvents(deps.elasticsearch, deps.indices, {
        eventsPath: parsed.eventsPath,
        runId: run.runId,
        fetchedAt: feed.fetchedAt,
        batch: { maxEvents: deps.indexBatchSize, maxBytes: deps.indexBatchMaxBytes },
        resumeFrom: Context.current().info.heartbeatDetails as IndexCheckpoint | undefined,
        onCheckpoint: (checkpoint) => {
          Context.current().heartbeat(checkpoint);
          // A worker shutting down cancels its activities: stop at this checkpoint, the retry resumes here.
          Context.current().cancellationSignal.throwIfAborted();
        },
      });
      return { ...counts, stale: false };
    },

    /**
     * Unlists dropped events, writes the feed's zone prices, records rejects, state and the run, and
     * publishes a new data generation.
     */
    async finishRun(run: SyncRunRef, ending: RunEnding): Promise<RunSummary> {
      const { feed, parsed, indexed } = ending;
      let unlisted = 0;
      if (feed && parsed && indexed && !indexed.stale) {
        await requireStagedFiles('finishRun', [parsed.idsPath, parsed.rejectsPath]);
        const ids = await readStagedIds(parsed.idsPath);
        const written = { runId: run.runId, fetchedAt: feed.fetchedAt };
        unlisted = await unlistMissingEvents(deps.elasticsearch, deps.indices, run.providerId, ids, written);
        if (parsed.zonePricesPath) {
          const rows = await stagedZonePrices(parsed.zonePricesPath);
          await writeZonePrices(deps.elasticsearch, deps.indices, run.providerId, rows, written);
        }
        await rejects.save(run.runId, await stagedRejects(parsed.rejectsPath));
        await state.recordSuccess(run.providerId, feed.fetchedAt, feed.sha256);
        if (indexed.new + indexed.changed + unlisted > 0) await state.bumpGeneration(run.runId);
      }
      const summary = runSummary(run, ending, unlisted);
      await runs.save(summary);
      if (feed) await rm(path.dirname(feed.path), { recursive: true, force: true });
      return summary;
    },

    /** Records a run that failed, with the reason ops will read. */
    async recordFailedRun(run: SyncRunRef, ending: RunEnding): Promise<RunSummary> {
      const summary = runSummary(run, ending, 0);
      await runs.save(summary);
      return summary;
    },
  };
}

/** The activity functions a workflow proxies. */
export type SyncActivities = ReturnType<typeof createActivities>;

async function stagedRejects(rejectsPath: string): Promise<EventReject[]> {
  const all: EventReject[] = [];
  for await (const batch of readLineBatches(
    rejectsPath,
    { maxLines: 1000 },
    (line) => JSON.parse(line) as EventReject,
  ))
    all.push(...batch);
  return all;
}

async function stagedZonePrices(zonePricesPath: string): Promise<ZonePriceRow[]> {
  await requireStagedFiles('finishRun', [zonePricesPath]);
  return JSON.parse(await readFile(zonePricesPath, 'utf8')) as ZonePriceRow[];
}

/** The run as recorded: its outcome follows from how far it got and whether it failed. */
function runSummary(run: SyncRunRef, ending: RunEnding, unlisted: number): RunRecord {
  const { feed, parsed, indexed, failure } = ending;
  const outcome = failure
    ? 'failed'
    : feed?.unchanged
      ? 'unchanged'
      : indexed?.stale
        ? 'superseded'
        : 'succeeded';
  const counts = {
    seen: (parsed?.events ?? 0) + (parsed?.rejected ?? 0),
    new: indexed?.new ?? 0,
    changed: indexed?.changed ?? 0,
    unchanged: indexed?.unchanged ?? 0,
    rejected: parsed?.rejected ?? 0,
    unlisted,
  };
  const result = {
    outcome,
    bytes: feed?.bytes ?? null,
    sha256: feed?.sha256 ?? null,
    counts,
    superseded: indexed?.superseded ?? 0,
    failure,
  } as const;
  return finishedRun(run, result, new Date());
}
