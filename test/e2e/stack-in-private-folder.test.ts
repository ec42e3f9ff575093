import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../scripts/stack/free-port';
import { startProcess, type ManagedProcess } from '../../scripts/stack/managed-process';
import { STATE_DIR } from '../../scripts/stack/paths';
import { waitUntil } from '../../scripts/stack/wait-until';
import { descendantsOf, stillRunning, type SeenProcess } from '../support/process-tree';
import { copyProject } from '../support/project-copy';
import { waitFor } from '../support/wait-for';

const asRoot = process.getuid?.() === 0;

/** A piece of the command line of each process the stack starts. */
const EXPECTED_PROCESSES = [
  'org.elasticsearch.bootstrap',
  'temporal server start-dev',
  'src/simulator/main.ts',
  'src/worker.ts',
  'src/server.ts',
];

/** The caller's variables the stack may read are left out, so it starts every server itself. */
function stackEnv(ports: Record<string, number>): NodeJS.ProcessEnv {
  const passed = ['PATH', 'HOME', 'JAVA_HOME', 'EVENT_HUB_CACHE_DIR', 'XDG_CACHE_HOME'];
  return {
    ...Object.fromEntries(passed.filter((key) => process.env[key]).map((key) => [key, process.env[key]])),
    ...Object.fromEntries(Object.entries(ports).map(([key, port]) => [key, String(port)])),
    ELASTICSEARCH_HEAP_MB: '512',
    LOG_LEVEL: 'warn',
  };
}

function kill(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

describe('the stack run from a clone inside a folder others cannot enter (mode 0700, like /root)', () => {
  const home = mkdtempSync(path.join(os.tmpdir(), 'event-hub-home-'));
  const clone = path.join(home, 'event-hub');
  const logFile = path.join(home, 'stack.log');
  let stack: ManagedProcess | undefined;
  let exitCode: string | undefined;
  let apiUrl: string;
  let started: SeenProcess[] = [];

  const output = (): string => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : '');
  const outputTail = (): string => output().split('\n').slice(-40).join('\n');
  const cloneId = (): string => readFileSync(path.join(clone, '.data', 'clone-id'), 'utf8').trim();

  beforeAll(async () => {
    expect(statSync(home).mode & 0o777).toBe(0o700);
    copyProject(clone);
    const ports = {
      ELASTICSEARCH_PORT: await freePort(),
      ELASTICSEARCH_TRANSPORT_PORT: await freePort(),
      TEMPORAL_PORT: await freePort(),
      TEMPORAL_UI_PORT: await freePort(),
      API_PORT: await freePort(),
      SIMULATOR_PORT: await freePort(),
    };
    apiUrl = `http://127.0.0.1:${ports.API_PORT}`;
    // `make run` runs the built main; from sources it starts the app processes through tsx, no build needed.
    stack = startProcess({
      name: 'stack',
      command: process.execPath,
      args: ['--import', 'tsx', 'scripts/stack/main.ts'],
      cwd: clone,
      env: stackEnv(ports),
      logFile,
    });
    void stack.exited.then((code) => (exitCode = code));
    await waitUntil(
      'the stack to print where its logs and data are',
      async () => {
        const health = await fetch(`${apiUrl}/health`);
        return health.ok && output().includes('[stack] logs and data');
      },
      { timeoutMs: 300_000, exited: stack.exited },
    ).catch((error: Error) => {
      throw new Error(`${error.message}\n--- stack output ---\n${outputTail()}`);
    });
    started = descendantsOf(stack.pid);
  }, 320_000);

  afterAll(async () => {
    // Only when a test failed before the stack stopped: end what it started, then remove its folders.
    for (const { pid } of stillRunning(started)) kill(pid);
    if (stack && exitCode === undefined) {
      kill(-stack.pid);
      await stack.exited;
    }
    if (existsSync(path.join(clone, '.data', 'clone-id'))) {
      rmSync(path.join(STATE_DIR, cloneId()), { recursive: true, force: true });
    }
    rmSync(home, { recursive: true, force: true });
  });

  it('answers /health and says where its data and logs are', async () => {
    expect((await fetch(`${apiUrl}/health`)).ok).toBe(true);
    expect(output()).toContain(`[stack] logs and data  ${clone}/.data `);
  });

  it('keeps Elasticsearch where its user can reach it: under root, a per-clone folder owned by nobody', () => {
    if (!asRoot) {
      // Elasticsearch runs as this same user, who can enter the private folder.
      expect(existsSync(path.join(clone, '.data', 'elasticsearch', 'data'))).toBe(true);
      return;
    }
    const dir = path.join(STATE_DIR, cloneId(), 'elasticsearch');
    const nobody = Number(execFileSync('id', ['-u', 'nobody'], { encoding: 'utf8' }));

    expect(output()).toContain(`[stack] logs and data  ${dir} `);
    expect(statSync(path.join(dir, 'data')).uid).toBe(nobody);
    expect(existsSync(path.join(dir, 'elasticsearch.out.log'))).toBe(true);
    expect(existsSync(path.join(clone, '.data', 'elasticsearch'))).toBe(false);
  });

  it('sells a seat of a synced event with the consumer key it keeps in its data folder', async () => {
    const key = readFileSync(path.join(clone, '.data', 'consumer-key'), 'utf8').trim();
    const events = await waitFor(
      'the first sync to make events searchable',
      async () => {
        const body = (await (await fetch(`${apiUrl}/search`)).json()) as {
          data: { events: { id: string }[] };
        };
        return body.data.events.length > 0 ? body.data.events : undefined;
      },
      { timeoutMs: 120_000 },
    );
    const zones: { zone_key: string; available: number; event_id: string }[] = [];
    for (const { id } of events) {
      const detail = (await (await fetch(`${apiUrl}/events/${id}`)).json()) as {
        data: { event: { zones: { zone_key: string; available: number }[] } };
      };
      zones.push(...detail.data.event.zones.map((zone) => ({ ...zone, event_id: id })));
    }
    const open = zones.find((zone) => zone.available > 0)!;
    const post = (route: string, body: unknown, headers: Record<string, string> = {}) =>
      fetch(`${apiUrl}${route}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });

    const held = await post(
      '/bookings',
      { event_id: open.event_id, zone_key: open.zone_key, quantity: 1 },
      { 'idempotency-key': 'stack-first-booking' },
    );
    expect(held.status).toBe(201);
    const { booking } = ((await held.json()) as { data: { booking: { id: string } } }).data;
    const paid = await post(`/bookings/${booking.id}/payment`, { status: 'succeeded', reference: 'stack' });
    expect(((await paid.json()) as { data: { booking: { status: string } } }).data.booking.status).toBe(
      'confirmed',
    );
  });

  it('on SIGINT to its process group (Ctrl-C), stops every process it started and exits with 0', async () => {
    const commands = started.map((seen) => seen.command).join('\n');
    for (const expected of EXPECTED_PROCESSES) expect(commands).toContain(expected);

    process.kill(-stack!.pid, 'SIGINT');

    await waitUntil('the stack to exit after SIGINT', () => Promise.resolve(exitCode !== undefined), {
      timeoutMs: 60_000,
    });
    expect(exitCode).toBe('0');
    await waitUntil(
      'every process the stack started to end',
      () => Promise.resolve(stillRunning(started).length === 0),
      { timeoutMs: 30_000 },
    ).catch((error: Error) => {
      const left = stillRunning(started).map((seen) => `${seen.pid} ${seen.command.slice(0, 200)}`);
      throw new Error(`${error.message}; still running:\n${left.join('\n')}`);
    });
    expect(output()).toContain('[stack] stopped');
  }, 120_000);
});
