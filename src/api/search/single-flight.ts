/** Runs one call per key at a time; callers that ask while it runs share its result (or its failure). */
export class SingleFlight<T> {
  private readonly inFlight = new Map<string, Promise<T>>();

  /** Joins the call running under `key`, or starts `call` as that key's call. */
  run(key: string, call: () => Promise<T>): Promise<T> {
    const running = this.inFlight.get(key);
    if (running) return running;
    const started = call().finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, started);
    return started;
  }

  /** Calls currently running. */
  get size(): number {
    return this.inFlight.size;
  }
}
