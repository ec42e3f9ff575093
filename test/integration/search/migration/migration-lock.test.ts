import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Client } from '@elastic/elasticsearch';
import type { Config } from '../../../../src/config';
import { ensureIndices } from '../../../../src/search/ensure-indices';
import { writeEventBatch } from '../../../../src/search/event-writer';
import { indexNames, type IndexNames } from '../../../../src/search/index-names';
import { createElasticsearchClient } from '../../../../src/search/elasticsearch-client';
import { elasticsearchConnection } from '../../../../src/search/elasticsearch-connection';
import { copyEvents } from '../../../../src/search/migration/copy-events';
import { createTargetIndex } from '../../../../src/search/migration/create-target-index';
import { currentEventsIndex } from '../../../../src/search/migration/events-alias';
import { migrateEvents } from '../../../../src/search/migration/migrate-events';
import { MigrationLock } from '../../../../src/search/migration/migration-lock';
import { readMigrationMarker } from '../../../../src/search/migration/migration-marker';
import { ensureMigrationsIndex } from '../../../../src/search/migration/migrations-index';
import type { MigrationProgress } from '../../../../src/search/migration/migration-progress';
import { prepareEvent } from '../../../../src/search/prepared-event';
import { startProcess } from '../../../../scripts/stack/managed-process';
import { childEnv } from '../../../support/child-env';
import { configEnv } from '../../../support/config-env';
import { makeEvent } from '../../../support/fixture-events';
import { testConfig } from '../../../support/test-config';
import { waitFor } from '../../../support/wait-for';
import { deleteMigrationIndices } from './support/delete-migration-indices';
import { NEXT_EVENTS_MAPPING, nextEventsIndex } from './support/next-events-mapping';
import { indexDocuments } from './support/index-documents';

const root = path.resolve(__dirname, '../../../..');

describe('the migration lock', () => {
  let config: Config;
  let client: Client;
  let names: IndexNames;

  beforeEach(async () => {
    config = testConfig();
    client = createElasticsearchClient(elasticsearchConnection(config));
    names = indexNames(config.ELASTICSEARCH_INDEX_PREFIX);
    await ensureIndices(client, names);
    const context = { runId: 'seed', fetchedAt: '2026-01-01T00:00:00.000Z' };
    for (let from = 0; from < 2000; from += 500) {
      const batch = Array.from({ length: 500 }, (_, i) => prepareEvent(makeEvent(from + i)));
      await writeEventBatch(client, names, batch, context);
    }
  });

  afterEach(async () => {
    await deleteMigrationIndices(client, names);
    await client.close();
  });

  it('lets two processes that start together migrate once; both return once the alias is on the next version', async () => {
    const copies: string[] = [];
    const start = (owner: string) =>
      migrateEvents(client, names, NEXT_EVENTS_MAPPING, {
        owner,
        pollMs: 50,
        batchSize: 250,
        onProgress: (step) => step.step === 'copying' && copies.push(owner),
      });

    const results = await Promise.all([start('first'), start('second')]);

    expect(results.map((r) => r.outcome).sort()).toEqual(['joined', 'migrated']);
    expect(results.map((r) => r.index)).toEqual([nextEventsIndex(names), nextEventsIndex(names)]);
    expect(new Set(copies).size).toBe(1);
    expect(copies).toHaveLength(2000 / 250);
    expect(await readMigrationMarker(client, names)).toMatchObject({ state: 'done', copied: 2000 });
  });

  it('resumes from its checkpoint a migration whose process was killed mid-copy', async () => {
    const before = await indexDocuments(client, names.events);
    const logFile = path.join(os.tmpdir(), `migrate-child-${config.ELASTICSEARCH_INDEX_PREFIX}.log`);
    const child = startProcess({
      name: 'migrate',
      command: process.execPath,
      args: [
        '--import',
        'tsx',
        path.join(__dirname, 'support/migrate-to-next.ts'),
        '--lease-ms=1500',
        '--batch-size=100',
        '--docs-per-second=400',
      ],
      cwd: root,
      env: childEnv(configEnv(config)),
      logFile,
    });
    await waitFor('the child to copy its first batches', () => /copied [2-9]\d\d\//.test(readLog(logFile)), {
      processes: [child],
    });
    process.kill(-child.pid, 'SIGKILL');
    await child.exited;
    const steps: MigrationProgress[] = [];

    const result = await migrateEvents(client, names, NEXT_EVENTS_MAPPING, {
      leaseMs: 1500,
      pollMs: 100,
      onProgress: (step) => steps.push(step),
    });

    expect(result).toMatchObject({ outcome: 'migrated', documents: 2000 });
    expect(steps[0]).toMatchObject({ step: 'waiting', owner: `child-${child.pid}` });
    expect(steps.find((step) => step.step === 'started')).toMatchObject({ resumed: true });
    // Its first batch (500 documents by default) counts on from the child's checkpoint, at least 200.
    const firstCopy = steps.find((step) => step.step === 'copying');
    expect(firstCopy?.step === 'copying' && firstCopy.copied).toBeGreaterThanOrEqual(200 + 500);
    expect(await currentEventsIndex(client, names)).toBe(nextEventsIndex(names));
    expect(await indexDocuments(client, names.events)).toEqual(before);
  });

  it('finishes the seal of a migration whose process stopped with the old index sealed and the copy incomplete', async () => {
    const before = await indexDocuments(client, names.events);
    const [current, next] = [names.eventsVersioned, nextEventsIndex(names)];
    await stopWhileSealed(current, next);
    const steps: MigrationProgress[] = [];

    const result = await migrateEvents(client, names, NEXT_EVENTS_MAPPING, {
      leaseMs: 500,
      pollMs: 50,
      onProgress: (step) => steps.push(step),
    });

    expect(result).toMatchObject({ outcome: 'migrated', documents: 2000 });
    expect(steps.find((step) => step.step === 'started')).toMatchObject({ resumed: true });
    expect(steps.some((step) => step.step === 'copying')).toBe(false);
    expect(steps.find((step) => step.step === 'caught-up')).toEqual({ step: 'caught-up', documents: 1500 });
    expect(await indexDocuments(client, names.events)).toEqual(before);
  });

  /** What a migration leaves when its process dies just after sealing, having copied one batch of four. */
  async function stopWhileSealed(current: string, next: string): Promise<void> {
    await ensureMigrationsIndex(client, names);
    const plan = { source: current, target: next, targetVersion: NEXT_EVENTS_MAPPING.version };
    const lock = (await MigrationLock.acquire(
      client,
      names,
      plan,
      { owner: 'stopped', leaseMs: 500 },
      null,
    ))!;
    await createTargetIndex(client, current, next, NEXT_EVENTS_MAPPING.mapping);
    await lock.update({ state: 'copying' });
    const stop = new Error('stopped after one batch');
    const copy = copyEvents(client, current, next, {
      from: { copied: 0, newer: 0, checkpoint: null },
      batchSize: 500,
      onBatch: () => Promise.reject(stop),
    });
    await expect(copy).rejects.toBe(stop);
    await lock.update({ state: 'sealing' });
    await client.indices.addBlock({ index: current, block: 'write' });
  }
});

function readLog(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
