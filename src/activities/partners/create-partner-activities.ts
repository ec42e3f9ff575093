import type { Client } from '@elastic/elasticsearch';
import { ApplicationFailure, Context } from '@temporalio/activity';
import type { Logger } from 'pino';
import { finishedRun, type RunSummary } from '../../domain/run-summary';
import { SyncFailureType } from '../../domain/sync-failure-types';
import type { AvailabilityJsonSettings } from '../../providers/availability-json/availability-json-settings';
import { windowDates } from '../../providers/availability-json/window-dates';
import { durationMs } from '../../providers/settings-fields';
import { isProviderOfKind, type ProviderSettings } from '../../providers/provider-settings';
import type { IndexNames } from '../../search/index-names';
import { pairKey, PartnerStateStore } from '../../search/partner-state-store';
import { ProviderStateStore } from '../../search/provider-state-store';
import { RejectStore } from '../../search/reject-store';
import { SyncRunStore } from '../../search/sync-run-store';
import { partnerTaskQueue } from './partner-task-queue';
import { syncPair } from './sync-pair';
import type { PairRequest, PairResult, WindowPlan, WindowRunRef, WindowTally } from './partner-sync-types';

/** What the partner activities need; `worker.ts` builds it. */
export interface PartnerActivityDeps {
  providers: ProviderSettings[];
  /** The deployment's shared task queue; each partner's requests run on a queue named after it. */
  taskQueue: string;
  elasticsearch: Client;
  indices: IndexNames;
  logger: Logger;
  now?: () => number;
}

/** The partner sync activities, bound to their dependencies. */
export function createPartnerActivities(deps: PartnerActivityDeps) {
  const now = deps.now ?? Date.now;
  const pairs = new PartnerStateStore(deps.elasticsearch, deps.indices);
  const state = new ProviderStateStore(deps.elasticsearch, deps.indices);
  const runs = new SyncRunStore(deps.elasticsearch, deps.indices);
  const pairDeps = {
    pairs,
    rejects: new RejectStore(deps.elasticsearch, deps.indices),
    elasticsearch: deps.elasticsearch,
    indices: deps.indices,
    logger: deps.logger,
    now,
  };
  const partner = (id: string): AvailabilityJsonSettings => {
    const found = deps.providers.find((p) => p.id === id);
    if (found && isProviderOfKind(found, 'availability-json')) return found;
    throw ApplicationFailure.create({
      type: SyncFailureType.UnknownProvider,
      message: `provider ${id} is not a partner (availability-json) configured on this worker`,
      nonRetryable: true,
    });
  };

  return {
    /**
     * The window's pairs at this moment. With `skipFresh` (a run on resume) it leaves out those fetched
     * within the window's period, which the budget already paid for.
     */
    async planWindow(input: {
      providerId: string;
      window: string;
      skipFresh?: boolean;
    }): Promise<WindowPlan> {
      const provider = partner(input.providerId);
      const window = provider.windows[input.window];
      if (!window)
        throw ApplicationFailure.create({
          type: SyncFailureType.UnknownProvider,
          message: `provider ${provider.id} has no window ${input.window}`,
          nonRetryable: true,
        });
      const dates = windowDates(window, provider.timeZone, new Date(now()));
      const all = provider.products.flatMap((productId) => dates.map((date) => ({ productId, date })));
      const states = input.skipFresh ? await pairs.readPairs(provider.id, all) : new Map<string, never>();
      const freshSince = now() - durationMs(window.every);
      const skipped = all.flatMap(({ productId, date }, i) => {
        const fetched = states.get(pairKey(productId, date))?.lastFetchedAt;
        return fetched && Date.parse(fetched) > freshSince ? [i] : [];
      });
      return {
        products: provider.products,
        dates,
        skipped,
        taskQueue: partnerTaskQueue(deps.taskQueue, provider.id),
        priorityKey: priorityOf(provider, input.window),
      };
    },

    /** One request for a product's date, and its answer into the slots index (see sync-pair.ts). */
    syncPair(request: PairRequest): Promise<PairResult> {
      return syncPair(pairDeps, partner(request.providerId), request, Context.current().info.attempt);
    },

    /** Records the window's run and, when it wrote slots, publishes a new data generation. */
    async finishWindowRun(
      run: WindowRunRef,
      tally: WindowTally,
      ending: {
        outcome: 'succeeded' | 'paused' | 'failed';
        failure: { type: string | null; message: string } | null;
      },
    ): Promise<RunSummary> {
      const { counts } = tally;
      if (counts.new + counts.changed + counts.unlisted > 0) await state.bumpGeneration(run.runId);
      const summary = finishedRun(
        { ...run, scope: run.window },
        {
          outcome: ending.outcome,
          bytes: null,
          sha256: null,
          counts,
          superseded: 0,
          failure: ending.failure,
          partner: tally.partner,
        },
        new Date(now()),
      );
      await runs.save(summary);
      return summary;
    },
  };
}

/** The partner activities a workflow proxies. */
export type PartnerActivities = ReturnType<typeof createPartnerActivities>;

/** Windows nearer today go first: 1 for the nearest, up to Temporal's default range of 5. */
function priorityOf(provider: AvailabilityJsonSettings, window: string): number {
  const order = Object.entries(provider.windows)
    .sort(([, a], [, b]) => a.days[0] - b.days[0])
    .map(([name]) => name);
  return Math.min(order.indexOf(window) + 1, 5);
}
