import { WHOLE_FEED, type SyncScope } from '../domain/sync-scope';
import type { ProviderSettings } from './provider-settings';

/** When a scope is synced: a fixed period or a cron expression. */
export type ScopeSchedule = { every: string | number } | { cron: string };

/** One scope of a provider and its schedule: each gets a Temporal Schedule of its own. */
export interface ScheduledScope {
  scope: SyncScope;
  schedule: ScopeSchedule;
}

/** The scopes a provider is synced by: its whole feed, or each of its freshness windows. */
export function scheduledScopes(provider: ProviderSettings): ScheduledScope[] {
  if (provider.kind === 'xml-event-list') return [{ scope: WHOLE_FEED, schedule: provider.schedule }];
  return Object.entries(provider.windows).map(([window, settings]) => ({
    scope: { type: 'window', window },
    schedule: { every: settings.every },
  }));
}
