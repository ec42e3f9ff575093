import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** A Node process the bench started: its pid (for /proc sampling), its log, and how to stop it. */
export interface NodeChild {
  name: string;
  pid: number;
  logFile: string;
  exited: Promise<string>;
  /** SIGTERM, SIGKILL after `graceMs`; resolves once it has exited. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Starts `node <args>` with its output going straight to a log file (not through this process, which
 * runs the load generator). `setpriv --pdeathsig` makes the kernel kill it if the bench dies first;
 * setpriv execs node, so the pid is node's own.
 */
export function startNodeChild(options: {
  name: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  logDir: string;
}): NodeChild {
  mkdirSync(options.logDir, { recursive: true });
  const logFile = path.join(options.logDir, `${options.name}.log`);
  const fd = openSync(logFile, 'w');
  const child = spawn('setpriv', ['--pdeathsig', 'SIGKILL', '--', process.execPath, ...options.args], {
    env: options.env,
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  if (child.pid === undefined) throw new Error(`could not start ${options.name}`);
  const exited = new Promise<string>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? String(code))),
  );
  return {
    name: options.name,
    pid: child.pid,
    logFile,
    exited,
    async stop(graceMs = 10_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Waits until `ready()` holds, failing early with the log's tail if the child exits first. */
export async function waitForChild(
  child: NodeChild,
  ready: () => Promise<boolean>,
  timeoutMs = 120_000,
): Promise<void> {
  let exitedWith: string | undefined;
  void child.exited.then((code) => (exitedWith = code));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exitedWith !== undefined) throw new Error(`${child.name} exited (${exitedWith}):\n${tail(child)}`);
    if (await ready().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${child.name} was not ready after ${timeoutMs / 1000}s:\n${tail(child)}`);
}

/** Whether the child's log contains `text` (e.g. a start-up line). */
export function logContains(child: NodeChild, text: string): boolean {
  return readFileSync(child.logFile, 'utf8').includes(text);
}

function tail(child: NodeChild): string {
  return readFileSync(child.logFile, 'utf8').split('\n').slice(-15).join('\n');
}
