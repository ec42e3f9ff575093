import type { ManagedProcess } from '../../scripts/stack/managed-process';

/** Bounds and give-up conditions of {@link waitFor}. */
export interface WaitOptions {
  /** Default 60 s: below the integration layer's test timeout, so the wait fails first and says why. */
  timeoutMs?: number;
  intervalMs?: number;
  /** Checked before each probe: a reason means the condition can no longer come true; the wait fails with it. */
  impossible?: () => Promise<string | undefined>;
  /** Processes the condition depends on: the wait fails as soon as one of them exits. */
  processes?: ManagedProcess[];
}

/**
 * Polls `probe` until it returns a value other than undefined/false. Fails naming `what`: after
 * `timeoutMs` with the probe's last error, or at once when `impossible` gives a reason or a process exits.
 */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | false> | T | undefined | false,
  options: WaitOptions = {},
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const deadline = Date.now() + timeoutMs;
  const exits = watchExits(options.processes ?? []);
  let lastError: unknown;
  // A check that fails (the server is restarting) is no answer, not a reason to give up.
  const reasonToGiveUp = async (): Promise<string | undefined> =>
    exits.first() ??
    (await options.impossible?.().catch((error: unknown) => {
      lastError = error;
      return undefined;
    }));
  for (;;) {
    const reason = await reasonToGiveUp();
    if (reason) throw new Error(`gave up waiting for ${what}: ${reason}`);
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) break;
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 100));
  }
  const detail = lastError instanceof Error ? lastError.message : 'no error';
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (${detail})`);
}

/** Remembers which of `processes` exited, with how, so a wait can fail on its next round. */
export function watchExits(processes: ManagedProcess[]): { first(): string | undefined } {
  let exited: string | undefined;
  for (const child of processes) {
    void child.exited.then((code) => {
      exited ??= `the ${child.name} process (pid ${child.pid}) exited with ${code}; see ${child.logFile}`;
    });
  }
  return { first: () => exited };
}
