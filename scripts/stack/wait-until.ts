/** Polls `probe` until it returns true, failing with `what` and the last error after `timeoutMs`. */
export async function waitUntil(
  what: string,
  probe: () => Promise<boolean>,
  options: { timeoutMs: number; intervalMs?: number; exited?: Promise<string>; logFile?: string },
): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  let lastError = '';
  let exitedWith: string | undefined;
  void options.exited?.then((code) => (exitedWith = code));
  while (Date.now() < deadline) {
    if (exitedWith !== undefined) {
      throw new Error(
        `${what}: the process exited (${exitedWith}) before it was ready; see ${options.logFile}`,
      );
    }
    try {
      if (await probe()) return;
    } catch (error) {
      lastError = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 500));
  }
  const seeLog = options.logFile ? `; see ${options.logFile}` : '';
  throw new Error(
    `${what} was not ready after ${options.timeoutMs / 1000}s (${lastError || 'no answer'})${seeLog}`,
  );
}
