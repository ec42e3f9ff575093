import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { WORKER_ENV, WORKER_NODE_FLAGS } from '../../../scripts/stack/worker-runtime';
import { childEnv } from '../../support/child-env';

const root = path.resolve(__dirname, '../../..');
const composeFile = path.join(root, 'docker-compose.yml');

interface ComposeFile {
  services: Record<
    string,
    { image?: string; build?: string; command?: string[]; environment?: Record<string, string> }
  >;
}

describe('docker-compose.yml', () => {
  const compose = parse(readFileSync(composeFile, 'utf8'), { merge: true }) as ComposeFile;

  it('runs Temporal with its UI, Elasticsearch and Kibana of the same 8.x version, and the three app processes', () => {
    const services = compose.services;
    expect(Object.keys(services).sort()).toEqual(
      [
        'api',
        'elasticsearch',
        'kibana',
        'postgresql',
        'simulator',
        'temporal',
        'temporal-ui',
        'worker',
      ].sort(),
    );
    const version = (image: string | undefined): string | undefined => image?.split(':')[1];
    expect(version(services.elasticsearch?.image)).toMatch(/^8\./);
    expect(version(services.kibana?.image)).toBe(version(services.elasticsearch?.image));
    for (const app of ['api', 'worker', 'simulator']) expect(services[app]?.build).toBe('.');
  });

  it('points the app at the compose servers, not at loopback', () => {
    for (const app of ['api', 'worker']) {
      expect(compose.services[app]?.environment).toMatchObject({
        TEMPORAL_ADDRESS: 'temporal:7233',
        ELASTICSEARCH_URL: 'http://elasticsearch:9200',
      });
    }
  });

  it('runs the worker with the memory limits `make run` uses', () => {
    const worker = compose.services.worker;
    expect(worker?.command).toEqual(['node', ...WORKER_NODE_FLAGS, 'dist/src/worker.js']);
    expect(worker?.environment).toMatchObject(WORKER_ENV);
  });

  it('is valid for docker-compose itself', () => {
    const probe = spawnSync('docker-compose', ['version'], { encoding: 'utf8' });
    if (probe.error) {
      throw new Error(
        'docker-compose is not installed: apt-get install docker-compose (make test installs it)',
      );
    }
    const output = execFileSync('docker-compose', ['-f', composeFile, 'config', '--quiet'], {
      cwd: root,
      encoding: 'utf8',
      env: childEnv({ ADMIN_TOKEN: 'x'.repeat(32) }),
    });
    expect(output.trim()).toBe('');
  });
});
