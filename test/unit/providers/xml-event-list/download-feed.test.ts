import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ApplicationFailure, Context } from '@temporalio/activity';
import { MockActivityEnvironment } from '@temporalio/testing';
import { DefaultLogger } from '@temporalio/worker';
import { downloadFeed } from '../../../../src/providers/xml-event-list/download-feed';
import { SyncFailureType } from '../../../../src/domain/sync-failure-types';
import type { XmlEventListSettings } from '../../../../src/providers/xml-event-list/xml-event-list-settings';
import { createSimulator, type Simulator } from '../../../../src/simulator/create-simulator';
import type { FaultSpecInput } from '../../../../src/simulator/faults/fault-spec';

const FIXTURES = path.resolve(__dirname, '../../../fixtures/fever');

describe('downloadFeed (the HTTP step of fetchFeed)', () => {
  let simulator: Simulator;
  let provider: XmlEventListSettings;
  let stagingDir: string;
  let heartbeats: { bytes: number }[];
  let env: MockActivityEnvironment;

  beforeAll(async () => {
    simulator = await createSimulator({ port: 0 });
  });

  afterAll(() => simulator.close());

  beforeEach(() => {
    simulator.reset();
    stagingDir = mkdtempSync(path.join(os.tmpdir(), 'download-feed-'));
    provider = {
      id: 'fever',
      kind: 'xml-event-list',
      url: simulator.feedUrl('fever'),
      schedule: { every: '5m' },
      timeZone: 'UTC',
      requestTimeout: '1s',
      maxFeedBytes: 1024 * 1024,
      headers: {},
      enabled: true,
    };
    heartbeats = [];
    // Failed attempts are what these tests expect: keep the SDK's warnings about them out of the output.
    env = new MockActivityEnvironment({}, { logger: new DefaultLogger('ERROR') });
    env.on('heartbeat', (details: { bytes: number }) => heartbeats.push(details));
  });

  /** Downloads as fetchFeed does: inside an activity, heartbeating the bytes received so far. */
  function download(file = path.join(stagingDir, 'run', 'feed.xml')): ReturnType<typeof downloadFeed> {
    return env.run(() => downloadFeed(provider, file, (bytes) => Context.current().heartbeat({ bytes })));
  }

  async function failureOf(fault: FaultSpecInput): Promise<ApplicationFailure> {
    simulator.control('fever', { fault });
    const error: unknown = await download().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApplicationFailure);
    return error as ApplicationFailure;
  }

  it('streams the feed to the staging file and returns its size, sha256 and fetch time', async () => {
    simulator.control('fever', { sample: 1 });
    const expected = await readFile(path.join(FIXTURES, 'response_1.xml'));
    const before = Date.now();

    const feed = await download();

    expect(await readFile(feed.path)).toEqual(expected);
    expect(feed).toEqual({
      path: path.join(stagingDir, 'run', 'feed.xml'),
      bytes: expected.length,
      sha256: createHash('sha256').update(expected).digest('hex'),
      fetchedAt: expect.any(String),
    });
    expect(Date.parse(feed.fetchedAt)).toBeGreaterThanOrEqual(before);
  });

  it('heartbeats the growing byte count while a large body arrives', async () => {
    simulator.control('fever', { generate: { events: 1000, zones: 3 } });

    const feed = await download();

    expect(heartbeats.length).toBeGreaterThan(1);
    const counts = heartbeats.map((h) => h.bytes);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(counts.at(-1)).toBe(feed.bytes);
  });

  it('on 429, asks Temporal to retry after Retry-After (ProviderRateLimited)', async () => {
    const failure = await failureOf({ kind: 'rate-limit', retryAfterSeconds: 7 });

    expect(failure).toMatchObject({
      type: SyncFailureType.ProviderRateLimited,
      nonRetryable: false,
      nextRetryDelay: 7000,
    });
    expect(failure.message).toMatch(/429.*retrying after 7s/);
  });

  it.each([500, 502, 503, 504, 408])(
    'on %i, fails as ProviderUnavailable, which is retried',
    async (status) => {
      const failure = await failureOf({ kind: 'status', status, body: 'unavailable' });

      expect(failure).toMatchObject({ type: SyncFailureType.ProviderUnavailable, nonRetryable: false });
      expect(failure.message).toBe(`provider fever answered HTTP ${status}`);
    },
  );

  it('on 503 with Retry-After, retries after the delay the provider asked for', async () => {
    const failure = await failureOf({ kind: 'status', status: 503, retryAfterSeconds: 9 });

    expect(failure).toMatchObject({ type: SyncFailureType.ProviderUnavailable, nextRetryDelay: 9000 });
  });

  it.each([400, 401, 403, 404, 410])(
    'on %i, fails as ProviderRejectedRequest, which is not retried',
    async (status) => {
      const failure = await failureOf({ kind: 'status', status, body: 'refused' });

      expect(failure).toMatchObject({ type: SyncFailureType.ProviderRejectedRequest, nonRetryable: true });
      expect(failure.message).toContain(`HTTP ${status} to ${provider.url}`);
    },
  );

  it('when the body outgrows maxFeedBytes, stops reading, removes the partial file and fails as FeedTooLarge', async () => {
    provider.maxFeedBytes = 100_000;
    const failure = await failureOf({ kind: 'oversized', bytes: 1_000_000 });

    expect(failure).toMatchObject({ type: SyncFailureType.FeedTooLarge, nonRetryable: true });
    expect(failure.message).toContain('maxFeedBytes (100000 bytes)');
    expect(existsSync(path.join(stagingDir, 'run', 'feed.xml'))).toBe(false);
    expect(heartbeats.at(-1)?.bytes ?? 0).toBeLessThanOrEqual(100_000);
  });

  it('when the connection is reset, fails as ProviderUnavailable naming ECONNRESET', async () => {
    const failure = await failureOf({ kind: 'reset' });

    expect(failure).toMatchObject({ type: SyncFailureType.ProviderUnavailable, nonRetryable: false });
    expect(failure.message).toMatch(/request failed: ECONNRESET/);
  });

  it('when the body stalls, gives up after requestTimeout and removes the partial file', async () => {
    provider.requestTimeout = '300ms';
    const started = Date.now();

    const failure = await failureOf({ kind: 'stall', afterBytes: 100 });

    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(failure).toMatchObject({ type: SyncFailureType.ProviderUnavailable, nonRetryable: false });
    expect(failure.message).toMatch(/reading the body failed after 100 bytes/);
    expect(existsSync(path.join(stagingDir, 'run', 'feed.xml'))).toBe(false);
  });

  it('when the body is cut short, fails as ProviderUnavailable and removes the partial file', async () => {
    const failure = await failureOf({ kind: 'truncate', afterBytes: 512 });

    expect(failure).toMatchObject({ type: SyncFailureType.ProviderUnavailable, nonRetryable: false });
    expect(failure.message).toMatch(/reading the body failed after 512 bytes/);
    expect(existsSync(path.join(stagingDir, 'run', 'feed.xml'))).toBe(false);
  });

  it('when nothing listens at the URL, fails as ProviderUnavailable naming ECONNREFUSED', async () => {
    const closed = await createSimulator({ port: 0 });
    await closed.close();
    provider.url = closed.feedUrl('fever');

    const error = (await download().catch((e: unknown) => e)) as ApplicationFailure;

    expect(error).toMatchObject({ type: SyncFailureType.ProviderUnavailable, nonRetryable: false });
    expect(error.message).toMatch(/ECONNREFUSED/);
  });
});
