import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, type Config } from '../../src/config';

let counter = 0;

/** A unique, lowercase name for this test file's indices, task queues and schedules. */
export function uniqueName(label: string): string {
  counter += 1;
  return `${label}-${process.pid}-${Date.now().toString(36)}-${counter}`.toLowerCase();
}

/** Configuration pointing at the test servers, isolated from other tests by index prefix and task queue. */
export function testConfig(overrides: Record<string, string> = {}): Config {
  const name = uniqueName('t');
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    TEMPORAL_ADDRESS: process.env.TEMPORAL_ADDRESS,
    ELASTICSEARCH_URL: process.env.ELASTICSEARCH_URL,
    ELASTICSEARCH_INDEX_PREFIX: name,
    TEMPORAL_TASK_QUEUE: name,
    STAGING_DIR: mkdtempSync(path.join(os.tmpdir(), 'event-hub-staging-')),
    PROVIDERS_FILE: path.resolve(__dirname, '../fixtures/providers/fever-only.yaml'),
    ...overrides,
  });
}
