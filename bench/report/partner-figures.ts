import type { PartnerRequestEntry } from '../../src/simulator/partners/partner-request-log';
import type { PartnerMonthWindowResult } from '../scenarios/partner-month-window';
import { atLeast, atMost, figure, type Figure } from './figure';

/**
 * The month window against the partner's limit: the most requests in any of its periods, how long the
 * run took against the least the limit allows, and how much of the budget it used while it had a backlog.
 */
export function partnerFigures(r: PartnerMonthWindowResult): Figure[] {
  const { limit, run, requests } = r;
  const periodMs = limit.perSeconds * 1000;
  const ratePerS = limit.requests / limit.perSeconds;
  // The run's own duration, workflow start to finish: planning and recording included, as a user waits.
  const seconds = run.durationMs === null ? NaN : run.durationMs / 1000;
  const made = requests.length;
  const at = requests.map((q) => Date.parse(q.at)).sort((a, b) => a - b);
  const spanSeconds = at.length > 1 ? (at[at.length - 1]! - at[0]!) / 1000 : 0;
  const limited = requests.filter((q) => q.status === 429).length;
  const pairs = run.partner?.pairs ?? 0;
  const failed = run.partner?.failed ?? 0;
  return [
    figure('partner.max_requests_per_60s', mostInAnyWindow(at, periodMs), 'req', {
      baseline: [`the partner's limit per ${limit.perSeconds} s`, limit.requests],
      goal: atMost(limit.requests),
      detail: { statuses: countBy(requests), perMinute: perMinute(at) },
    }),
    figure('partner.month_window_s', seconds, 's', {
      baseline: [`floor: ${made} requests / ${ratePerS} per s`, made / ratePerS],
      goal: atMost(1.25, 'ratio'),
      detail: {
        source: 'run summary: workflow start to finish',
        outcome: run.outcome,
        firstToLastRequestSeconds: spanSeconds,
        waitedSeconds: r.waitedSeconds,
        queueRequestsPerSecond: r.queueRequestsPerSecond,
        queueFloorSeconds: made / r.queueRequestsPerSecond,
      },
    }),
    figure('partner.budget_use', made / (ratePerS * seconds), 'share', {
      goal: atLeast(0.8),
      detail: {
        requests: made,
        budget: ratePerS * seconds,
        seconds,
        backlog: 'the whole run: every pair is queued at its start',
      },
    }),
    figure('partner.requests', made, 'req', {
      baseline: ['pairs in the window', pairs],
      detail: { summary: run.partner, counts: run.counts, strayRequests: r.strayRequests },
    }),
    figure('partner.rate_limited', limited, 'req', {
      baseline: ['requests', made],
      goal: atMost(0),
      detail: { rateLimitedInSummary: run.partner?.rateLimited ?? null },
    }),
    figure('partner.failed_pairs', failed, 'pairs', {
      baseline: ['pairs in the window', pairs],
      detail: { failures: run.partner?.failures ?? [] },
    }),
  ];
}

/** The most instants (sorted epoch ms) within any `windowMs`: the sliding window the partner enforces. */
function mostInAnyWindow(at: number[], windowMs: number): number {
  let most = 0;
  for (let first = 0, last = 0; last < at.length; last++) {
    while (at[last]! - at[first]! >= windowMs) first++;
    most = Math.max(most, last - first + 1);
  }
  return most;
}

/** Requests in each minute from the first one: a steady rate shows as equal counts. */
function perMinute(at: number[]): number[] {
  const counts: number[] = [];
  for (const t of at) {
    const minute = Math.floor((t - at[0]!) / 60_000);
    counts[minute] = (counts[minute] ?? 0) + 1;
  }
  return Array.from(counts, (n) => n ?? 0);
}

function countBy(requests: PartnerRequestEntry[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { status } of requests) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
}
