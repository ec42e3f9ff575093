import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { meterCpu, treeTicks, TICKS_PER_SECOND, type CpuShare } from './cpu-meter';

/** What one load run measured. */
export interface LoadResult {
  rps: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  /** Socket errors, timeouts and answers other than 2xx/3xx together. */
  errors: number;
  /** Answers other than 2xx/3xx. */
  non2xx: number;
  timeouts: number;
  /** Response bytes per request, headers included, as sent on the wire. */
  bytesPerRequest: number;
  /** Which side was busy: the server processes, or the load generator (wrk). */
  cpu: CpuShare;
  /**
   * Server CPU time per answered request, in µs: unlike requests per second, it barely moves when other
   * work on the machine takes CPU away from the server or the load generator.
   */
  serverCpuUsPerRequest: number;
}

/** Load settings shared by every run: closed loop, `connections` keep-alive connections. */
export interface LoadSettings {
  connections: number;
  durationS: number;
}

/** What to request: `url`, or its origin with each of `paths` in turn. */
export interface LoadTarget {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  paths?: string[];
}

/** wrk's own summary, written by the script's `done` callback; latencies in µs. */
interface WrkSummary {
  duration_us: number;
  requests: number;
  bytes: number;
  connect: number;
  read: number;
  write: number;
  status: number;
  timeout: number;
  p50_us: number;
  p99_us: number;
}

// wrk is C: on two shared vCPUs a JavaScript load generator spent more CPU per response than the server
// under test, and more for every extra header, so it measured itself as much as the server.
const WRK_THREADS = 1;

/** A 2 s warm-up (JIT, caches, connection pools), then `durationS` measured; `serverPids` are metered. */
export async function measureLoad(
  target: LoadTarget,
  settings: LoadSettings,
  serverPids: number[],
): Promise<LoadResult> {
  const warmUp = startWrk(target, settings.connections);
  await sleep(2000);
  await warmUp.stop();
  const cpu = meterCpu(serverPids);
  const run = startWrk(target, settings.connections);
  await sleep(settings.durationS * 1000);
  const outcome = await run.stop();
  return summarize(outcome, cpu.stop());
}

/** Starts load that runs until `stop()`; for load during another activity. */
export function startLoad(
  target: LoadTarget,
  connections: number,
  serverPids: number[],
): { stop(): Promise<LoadResult> } {
  const cpu = meterCpu(serverPids);
  const run = startWrk(target, connections);
  return {
    async stop() {
      const outcome = await run.stop();
      return summarize(outcome, cpu.stop());
    },
  };
}

interface WrkOutcome {
  summary: WrkSummary;
  /** CPU seconds wrk used (user + system). */
  cpuSeconds: number;
}

/**
 * Starts wrk with no end of its own; `stop()` interrupts it, and wrk then reports what it measured until
 * then. `setpriv --pdeathsig` makes the kernel kill it if the bench dies first; setpriv execs wrk, so the
 * pid is wrk's own.
 */
function startWrk(target: LoadTarget, connections: number): { stop(): Promise<WrkOutcome> } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-wrk-'));
  const script = path.join(dir, 'load.lua');
  writeFileSync(script, luaScript(target));
  const args = [
    `-t${WRK_THREADS}`,
    `-c${connections}`,
    '-d24h',
    '--timeout',
    '10s',
    '-s',
    script,
    target.url,
  ];
  const child = spawn('setpriv', ['--pdeathsig', 'SIGKILL', '--', 'wrk', ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const closed = new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      rmSync(dir, { recursive: true, force: true });
      resolve(code);
    });
  });
  return {
    async stop() {
      const cpuSeconds = child.pid === undefined ? 0 : treeTicks([child.pid]) / TICKS_PER_SECOND;
      child.kill('SIGINT');
      const code = await closed;
      const line = stderr.split('\n').find((l) => l.startsWith('{'));
      if (/No such file|not found/.test(stderr)) {
        throw new Error('wrk is not installed: apt-get install wrk (make bench installs it)');
      }
      if (code !== 0 || !line) throw new Error(`wrk failed (exit ${code}): ${stderr.trim()}`);
      return { summary: JSON.parse(line) as WrkSummary, cpuSeconds };
    },
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function summarize({ summary, cpuSeconds }: WrkOutcome, serverPct: number): LoadResult {
  const seconds = summary.duration_us / 1e6;
  const requests = summary.requests;
  const socketErrors = summary.connect + summary.read + summary.write + summary.timeout;
  return {
    rps: Math.round(requests / seconds),
    p50Ms: Math.round(summary.p50_us / 100) / 10,
    p99Ms: Math.round(summary.p99_us / 100) / 10,
    requests,
    errors: socketErrors + summary.status,
    non2xx: summary.status,
    timeouts: summary.timeout,
    bytesPerRequest: requests > 0 ? Math.round(summary.bytes / requests) : 0,
    cpu: { serverPct, loadGeneratorPct: Math.round((cpuSeconds / seconds) * 100) },
    serverCpuUsPerRequest: requests > 0 ? Math.round(((serverPct / 100) * seconds * 1e6) / requests) : 0,
  };
}

/** A wrk script: the request(s) to send, and a `done` callback writing wrk's summary as JSON to stderr. */
function luaScript(target: LoadTarget): string {
  const method = target.method ?? 'GET';
  const headers = Object.entries(target.headers ?? {})
    .map(([name, value]) => `[ ${luaString(name)} ] = ${luaString(value)}`)
    .join(', ');
  const body = target.body === undefined ? 'nil' : luaString(target.body);
  const paths = target.paths ?? [new URL(target.url).pathname + new URL(target.url).search];
  return `
local requests = {}
local next = 0
init = function()
  for _, p in ipairs({ ${paths.map(luaString).join(', ')} }) do
    table.insert(requests, wrk.format(${luaString(method)}, p, { ${headers} }, ${body}))
  end
end
request = function()
  next = next % #requests + 1
  return requests[next]
end
done = function(summary, latency, _)
  io.stderr:write(string.format(
    '{"duration_us":%d,"requests":%d,"bytes":%d,"connect":%d,"read":%d,"write":%d,"status":%d,' ..
    '"timeout":%d,"p50_us":%d,"p99_us":%d}\\n',
    summary.duration, summary.requests, summary.bytes, summary.errors.connect, summary.errors.read,
    summary.errors.write, summary.errors.status, summary.errors.timeout,
    latency:percentile(50), latency:percentile(99)))
end
`;
}

// A long bracket whose level does not occur in the text: Lua takes its contents as they are.
function luaString(text: string): string {
  let level = '';
  while (text.includes(`]${level}]`)) level += '=';
  return `[${level}[${text}]${level}]`;
}
