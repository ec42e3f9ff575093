import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { echoLines } from './echo-lines';

/** A child process the stack started: its own process group, output in a log file, stopped by PID. */
export interface ManagedProcess {
  name: string;
  pid: number;
  logFile: string;
  /** Resolves with the exit code (or signal) once the process has ended. */
  exited: Promise<string>;
  /** SIGTERM to the process group, SIGKILL after `graceMs`; resolves when it has ended. */
  stop(graceMs?: number): Promise<void>;
}

interface StartOptions {
  name: string;
  command: string;
  args: string[];
  logFile: string;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Echo each non-blank output line, as written and without its newline, as well as the log file. */
  echo?: (line: string) => void;
  /** Run as this unprivileged user and group (from root). */
  runAs?: { user: string; group: string };
}

/**
 * Starts a process that dies with its parent: `setpriv --pdeathsig` asks the kernel to kill it if
 * this Node process goes away without cleaning up (a crashed test run must not leave servers behind).
 */
export function startProcess(options: StartOptions): ManagedProcess {
  mkdirSync(path.dirname(options.logFile), { recursive: true });
  const log = createWriteStream(options.logFile, { flags: 'a' });
  // One setpriv call: the kernel clears the parent-death signal on a later change of user.
  const user = options.runAs
    ? [`--reuid=${options.runAs.user}`, `--regid=${options.runAs.group}`, '--clear-groups']
    : [];
  const child = spawn(
    'setpriv',
    [...user, '--pdeathsig', 'SIGKILL', '--', options.command, ...options.args],
    {
      cwd: options.cwd,
      env: options.env ?? process.env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  if (child.pid === undefined) throw new Error(`could not start ${options.name} (${options.command})`);
  for (const stream of [child.stdout, child.stderr]) {
    stream?.pipe(log, { end: false });
    if (options.echo && stream) echoLines(stream, options.echo);
  }
  const exited = new Promise<string>((resolve) =>
    child.on('exit', (code, signal) => {
      log.end();
      resolve(signal ?? String(code));
    }),
  );
  return {
    name: options.name,
    pid: child.pid,
    logFile: options.logFile,
    exited,
    stop: (graceMs = 15_000) => stopGroup(child, exited, graceMs),
  };
}

async function stopGroup(child: ChildProcess, exited: Promise<string>, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  signalGroup(child.pid!, 'SIGTERM');
  const timer = setTimeout(() => signalGroup(child.pid!, 'SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
  // Anything the process left in its group (e.g. a server JVM under its launcher) goes too.
  signalGroup(child.pid!, 'SIGKILL');
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}
