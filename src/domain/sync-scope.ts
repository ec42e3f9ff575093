/**
 * What one sync run covers. An `xml-event-list` provider publishes one snapshot: its run covers the
 * whole feed. A partner answering one product on one date per request is synced by freshness window:
 * a run covers that window's (product, date) pairs. A content hash, a watermark and "missing means gone"
 * hold within a scope, so a run never unlists anything outside the scope it fetched.
 */
export type SyncScope = { type: 'feed' } | { type: 'window'; window: string };

/** The scope of a provider that publishes one whole snapshot. */
export const WHOLE_FEED: SyncScope = { type: 'feed' };

/** The scope's name as ops read it: `feed`, or the window's name. */
export function scopeName(scope: SyncScope): string {
  return scope.type === 'feed' ? 'feed' : scope.window;
}

/** The name a scope's schedule and runs go by: `sync-<provider>`, or `sync-<provider>-<window>`. */
export function syncName(providerId: string, scope: SyncScope): string {
  return scope.type === 'feed' ? `sync-${providerId}` : `sync-${providerId}-${scope.window}`;
}
