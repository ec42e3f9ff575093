import { durationMs } from '../settings-fields';
import type { AvailabilityJsonSettings } from './availability-json-settings';

/** What the plan reads of a partner's settings. */
type PlannedProvider = Pick<AvailabilityJsonSettings, 'id' | 'products' | 'windows' | 'rateLimit'>;

const DAY_MS = 86_400_000;

/** Share of the partner's daily budget the planned requests may use: the rest is for retries and 429s. */
export const MAX_BUDGET_SHARE = 0.9;

/** How many requests a partner's windows make a day, against what its rate limit allows. */
export interface RequestPlan {
  windows: { window: string; pairs: number; runsPerDay: number; requestsPerDay: number }[];
  requestsPerDay: number;
  budgetPerDay: number;
  /** requestsPerDay / budgetPerDay. */
  share: number;
}

/** The requests a day each window plans: products x days of the window x runs a day. */
export function requestPlan(provider: PlannedProvider): RequestPlan {
  const windows = Object.entries(provider.windows).map(([window, { days, every }]) => {
    const pairs = provider.products.length * (days[1] - days[0] + 1);
    const runsPerDay = DAY_MS / durationMs(every);
    return { window, pairs, runsPerDay, requestsPerDay: pairs * runsPerDay };
  });
  const requestsPerDay = windows.reduce((sum, w) => sum + w.requestsPerDay, 0);
  const budgetPerDay = provider.rateLimit.requests * (DAY_MS / durationMs(provider.rateLimit.per));
  return { windows, requestsPerDay, budgetPerDay, share: requestsPerDay / budgetPerDay };
}

/** Why the plan does not fit the partner's budget, naming the numbers; null when it fits. */
export function budgetProblem(provider: PlannedProvider): string | null {
  const plan = requestPlan(provider);
  if (plan.share <= MAX_BUDGET_SHARE) return null;
  const round = (n: number): string => Math.round(n).toLocaleString('en-US');
  return (
    `provider ${provider.id}: ${provider.products.length} products with these windows need about ` +
    `${round(plan.requestsPerDay)} requests a day, more than ${MAX_BUDGET_SHARE * 100}% of the ` +
    `${round(plan.budgetPerDay)} its rate limit of ${provider.rateLimit.requests} per ` +
    `${provider.rateLimit.per} allows (${plan.windows.map((w) => `${w.window} ${round(w.requestsPerDay)}`).join(', ')})`
  );
}
