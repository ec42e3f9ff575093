import { spawn } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { chmod, rm } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { installIntoCache } from '../../scripts/stack/install-into-cache';
import { cacheDir } from '../../scripts/stack/paths';
import { hasCommand, MissingPrerequisiteError, runCommand } from '../../scripts/stack/run-command';

/** The open-loop load generator the peak scenario uses, built from its Go module once and cached. */
const VEGETA = { module: 'github.com/tsenart/vegeta/v12', version: 'v12.13.0' };

/** One answered (or failed) request of an attack, as vegeta recorded it. */
export interface VegetaSample {
  /** From when the request was due (start + seq / rate) to its answer: coordinated omission included. */
  latencyMs: number;
  /** How late vegeta sent it: large values mean the generator itself fell behind. */
  sendLagMs: number;
  /** HTTP status; 0 when the request failed without one (timeout, refused connection). */
  status: number;
  error: string;
  /** `X-Cache` of the answer, when it had one. */
  cache?: string;
}

/** Path of the vegeta binary, building it with `go install` into the cache on first use. */
export async function ensureVegeta(log: (line: string) => void): Promise<string> {
  const home = path.join(cacheDir(), 'vegeta', VEGETA.version);
  await installIntoCache(home, async (workDir) => {
    if (!(await hasCommand('go', ['version'])))
      throw new MissingPrerequisiteError('the peak search benchmark builds vegeta with Go: install Go 1.22+');
    log(`building vegeta ${VEGETA.version} into ${home} (go install)`);
    const env = { GOBIN: workDir, GOFLAGS: '-mod=mod' };
    await runCommand('env', [
      ...Object.entries(env).map(([k, v]) => `${k}=${v}`),
      'go',
      'install',
      `${VEGETA.module}@${VEGETA.version}`,
    ]);
    await chmod(path.join(workDir, 'vegeta'), 0o755);
  });
  return path.join(home, 'vegeta');
}

/**
 * Sends the requests of `targetsFile` (vegeta's http format, taken in turn) at `rate` per second for
 * `durationS`, whatever the answers do (open loop: vegeta adds workers rather than wait), and answers every
 * request's outcome. Bodies are not kept, headers are.
 */
export async function attack(
  vegeta: string,
  targetsFile: string,
  rate: number,
  durationS: number,
  resultsFile: string,
): Promise<VegetaSample[]> {
  await run(vegeta, [
    'attack',
    `-targets=${targetsFile}`,
    `-rate=${rate}/1s`,
    `-duration=${durationS}s`,
    '-timeout=10s',
    '-max-body=0',
    // What browsers and HTTP clients send: the cache's compressed bodies are what a peak is served.
    '-header=Accept-Encoding: br, gzip',
    '-workers=64',
    // A pool of keep-alive connections, as a load balancer keeps to each API process: without a bound, every
    // stalled answer made vegeta open another connection, and a burst of them overflowed the listen backlog
    // (SYN retries of 1, 3, 7 s). Latency still counts from when each request was due, so waiting for a
    // connection is charged to the service.
    '-max-connections=512',
    `-output=${resultsFile}`,
  ]);
  const encoded = `${resultsFile}.json`;
  await run(vegeta, ['encode', '--to', 'json', `-output=${encoded}`, resultsFile]);
  try {
    return await readSamples(encoded, rate);
  } finally {
    await rm(encoded, { force: true });
    await rm(resultsFile, { force: true });
  }
}

interface EncodedResult {
  seq: number;
  code: number;
  timestamp: string;
  latency: number;
  error: string;
  headers?: Record<string, string[]> | null;
}

async function readSamples(file: string, rate: number): Promise<VegetaSample[]> {
  const results: EncodedResult[] = [];
  for await (const line of createInterface({ input: createReadStream(file) })) {
    if (line) results.push(JSON.parse(line) as EncodedResult);
  }
  const first = results.reduce(
    (min, r) => Math.min(min, Date.parse(r.timestamp) - r.seq * (1000 / rate)),
    Infinity,
  );
  return results.map((r) => {
    const dueMs = first + r.seq * (1000 / rate);
    const sentMs = Date.parse(r.timestamp);
    const sendLagMs = Math.max(0, sentMs - dueMs);
    return {
      latencyMs: sendLagMs + r.latency / 1e6,
      sendLagMs,
      status: r.code,
      error: r.error,
      cache: r.headers?.['X-Cache']?.[0],
    };
  });
}

/** Runs vegeta under `setpriv --pdeathsig`, so the kernel stops it if the bench dies first. */
function run(vegeta: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('setpriv', ['--pdeathsig', 'SIGKILL', '--', vegeta, ...args], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`vegeta ${args[0]} failed (exit ${code}): ${stderr.trim()}`)),
    );
  });
}
