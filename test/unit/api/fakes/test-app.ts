import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import request from 'supertest';
import { createApp } from '../../../../src/api/create-app';
import type { ApiApp, ApiDeps } from '../../../../src/api/create-app';
import { FakeAvailability, testCatalog } from './fake-availability';
import { FakeEventHistory } from './fake-event-history';
import { FakeEventSearch } from './fake-event-search';
import { waitFor } from '../../../support/wait-for';
import { FakeSyncControl } from './fake-sync-control';

/** Admin token the test apps are configured with. */
export const ADMIN_TOKEN = 'test-admin-token-0123456789';

/** An app over fakes, with a supertest agent and the log lines it wrote. */
export interface TestApp extends ApiApp {
  http: ReturnType<typeof request>;
  eventSearch: FakeEventSearch;
  eventHistory: FakeEventHistory;
  syncControl: FakeSyncControl;
  /** Where the products routes read slots; the catalogue is testCatalog(). */
  availability: FakeAvailability;
  /** The instant the products routes take as now; tests may move it. */
  clock: { now: Date };
  logs: Record<string, unknown>[];
  /** False when the cache is disabled: then nothing reads the generation. */
  pollsGeneration: boolean;
}

/** Builds the API over fresh fakes; the generation is polled every 10 ms so tests need not wait long. */
export function createTestApp(overrides: Partial<ApiDeps> = {}): TestApp {
  const eventSearch = new FakeEventSearch();
  const eventHistory = new FakeEventHistory();
  const syncControl = new FakeSyncControl();
  const availability = new FakeAvailability();
  const clock = { now: new Date('2026-12-03T10:00:00Z') };
  const logs: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  const deps: ApiDeps = {
    eventSearch,
    eventHistory,
    syncControl,
    products: { catalog: testCatalog(), availability, now: () => clock.now },
    logger: pino({ level: 'debug' }, sink),
    adminToken: ADMIN_TOKEN,
    cache: { enabled: true, maxBytes: 8 * 1024 * 1024 },
    generationPollMs: 10,
    ...overrides,
  };
  const api = createApp(deps);
  const pollsGeneration = deps.cache.enabled;
  return {
    ...api,
    http: request(api.callback),
    eventSearch,
    eventHistory,
    syncControl,
    availability,
    clock,
    logs,
    pollsGeneration,
  };
}

/**
 * Resolves once the app has taken in the fake's generation as it is now: a read that started after this
 * call has been answered and observed, which the start of the next read shows (the poller reads one at a
 * time). Without a cache nothing polls, and there is nothing to wait for.
 */
export async function generationSettled(t: TestApp): Promise<void> {
  if (!t.pollsGeneration) return;
  const before = t.eventSearch.generationReads;
  await waitFor(
    'the app to read the current data generation',
    () => t.eventSearch.generationReads >= before + 2,
    { timeoutMs: 10_000, intervalMs: 5 },
  );
}

/** Serves the app on a free loopback port, for requests supertest cannot make; close the server when done. */
export async function listenOnLoopback(t: TestApp): Promise<{ server: Server; port: number }> {
  const server = createServer(t.callback).listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, port: (server.address() as AddressInfo).port };
}
