import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import request from 'supertest';
import { createApp } from '../../../../src/api/create-app';
import type { ApiApp, ApiDeps } from '../../../../src/api/create-app';
import { FakeEventSearch } from './fake-event-search';
import { FakeSyncControl } from './fake-sync-control';

/** Admin token the test apps are configured with. */
export const ADMIN_TOKEN = 'test-admin-token-0123456789';

/** An app over fakes, with a supertest agent and the log lines it wrote. */
export interface TestApp extends ApiApp {
  http: ReturnType<typeof request>;
  eventSearch: FakeEventSearch;
  syncControl: FakeSyncControl;
  logs: Record<string, unknown>[];
}

/** Builds the API over fresh fakes; the generation is polled every 10 ms so tests need not wait long. */
export function createTestApp(overrides: Partial<ApiDeps> = {}): TestApp {
  const eventSearch = new FakeEventSearch();
  const syncControl = new FakeSyncControl();
  const logs: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  const api = createApp({
    eventSearch,
    syncControl,
    logger: pino({ level: 'debug' }, sink),
    adminToken: ADMIN_TOKEN,
    cache: { enabled: true, maxBytes: 8 * 1024 * 1024 },
    generationPollMs: 10,
    ...overrides,
  });
  return { ...api, http: request(api.callback), eventSearch, syncControl, logs };
}

/** Resolves after enough poll periods (10 ms each) for the app to have read the fake's current generation. */
export async function generationSettled(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 80));
}

/** Serves the app on a free loopback port, for requests supertest cannot make; close the server when done. */
export async function listenOnLoopback(t: TestApp): Promise<{ server: Server; port: number }> {
  const server = createServer(t.callback).listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, port: (server.address() as AddressInfo).port };
}
