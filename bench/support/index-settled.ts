/** The events index's segments and merges, as `_stats` reports them. */
export interface IndexSegments {
  segments: number;
  mergesRunning: number;
}

/** Reads the segment count and the merges running of `index` from the node at `url`. */
export async function indexSegments(url: string, index: string): Promise<IndexSegments> {
  const response = await fetch(`${url}/${encodeURIComponent(index)}/_stats/segments,merge`);
  if (!response.ok) throw new Error(`index stats of ${index} answered HTTP ${response.status}`);
  const stats = (await response.json()) as {
    _all: { primaries: { segments: { count: number }; merges: { current: number } } };
  };
  return {
    segments: stats._all.primaries.segments.count,
    mergesRunning: stats._all.primaries.merges.current,
  };
}

/**
 * Waits until no merge runs on `index` (at most `timeoutMs`): after a sync rewrote every event,
 * Elasticsearch merges its segments for a while, and every search measured meanwhile meets a slower index.
 */
export async function waitForSettledIndex(
  url: string,
  index: string,
  timeoutMs = 180_000,
): Promise<IndexSegments & { waitedS: number }> {
  const started = performance.now();
  for (;;) {
    const state = await indexSegments(url, index);
    const waitedS = (performance.now() - started) / 1000;
    if (state.mergesRunning === 0 || waitedS * 1000 >= timeoutMs) return { ...state, waitedS };
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
