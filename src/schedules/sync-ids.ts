import { syncName, WHOLE_FEED, type SyncScope } from '../domain/sync-scope';

/**
 * Temporal names of one deployment's syncs. Deployments (or a test and a development run) may share a
 * namespace; the index prefix names the data a deployment writes, so it keeps their schedules and runs
 * apart. Provider ids and window names are [a-z0-9-] and prefixes [a-z0-9_-]; none contains a dot.
 */
export interface SyncIds {
  /** The scope's Schedule. */
  scheduleId: string;
  /** Every run of the scope, scheduled or triggered: one id, so Temporal never lets two run at once. */
  runWorkflowId: string;
  /** The workflows the Schedule starts, which start the run; Temporal appends the schedule time. */
  scheduledStartId: string;
}

/**
 * The ids of a scope's schedule and runs in the deployment whose index prefix is `deployment`:
 * `sync-<provider>` for a whole feed, `sync-<provider>-<window>` for a partner's window.
 */
export function syncIdsOf(deployment: string, providerId: string, scope: SyncScope = WHOLE_FEED): SyncIds {
  const base = `${syncName(providerId, scope)}.${deployment}`;
  return { scheduleId: base, runWorkflowId: base, scheduledStartId: `${base}.scheduled` };
}

/** How long one run may take before Temporal ends it. */
export const SYNC_RUN_TIMEOUT = '2h';
