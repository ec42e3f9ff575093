/** What a search load saw: every request, the ones that failed and the 200s that came back empty. */
export interface SearchLoadResult {
  requests: number;
  failures: string[];
  empty: number;
}

/** Searches running until stopped. */
export interface SearchLoad {
  /** Requests answered so far. */
  readonly requests: number;
  stop(): Promise<SearchLoadResult>;
}

/**
 * Sends `GET url` from `connections` loops, each as soon as the previous answer is read, counting every
 * answer that is not a 200 with at least one event (a network error counts as a failure too).
 */
export function startSearchLoad(url: string, connections: number): SearchLoad {
  const result: SearchLoadResult = { requests: 0, failures: [], empty: 0 };
  let stopped = false;
  const loop = async () => {
    while (!stopped) {
      try {
        const response = await fetch(url);
        const body = (await response.json()) as { data: { events: unknown[] } | null };
        if (response.status !== 200) result.failures.push(`${response.status} ${JSON.stringify(body)}`);
        else if (body.data!.events.length === 0) result.empty += 1;
      } catch (error) {
        result.failures.push(String(error));
      }
      result.requests += 1;
    }
  };
  const loops = Array.from({ length: connections }, loop);
  return {
    get requests() {
      return result.requests;
    },
    async stop() {
      stopped = true;
      await Promise.all(loops);
      return result;
    },
  };
}
