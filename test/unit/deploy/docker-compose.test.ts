import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { parse } from 'yaml';
import { PARTNER_QUEUE_SETTINGS } from '../../../scripts/stack/temporal-dev-server';
import { WORKER_ENV, WORKER_NODE_FLAGS } from '../../../scripts/stack/worker-runtime';
import { childEnv } from '../../support/child-env';

const root = path.resolve(__dirname, '../../..');
const composeFile = path.join(root, 'docker-compose.yml');

interface ComposeFile {
  services: Record<
    string,
    {
      image?: string;
      build?: string;
      command?: string[];
      entrypoint?: string[];
      environment?: Record<string, string>;
      volumes?: string[];
      depends_on?: string[] | Record<string, unknown>;
    }
  >;
}

/** A stand-in for Kibana's status and saved-objects import endpoints, recording what it was sent. */
async function startStubKibana(options: { unavailableFor: number; importSucceeds: boolean }) {
  const seen = { statusPolls: 0, imports: [] as { url: string; xsrf?: string; body: string }[] };
  const answer = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.url === '/api/status') {
      seen.statusPolls += 1;
      const available = seen.statusPolls > options.unavailableFor;
      res.writeHead(available ? 200 : 503, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: { overall: { level: available ? 'available' : 'unavailable' } } }));
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const xsrf = req.headers['kbn-xsrf'] as string | undefined;
    seen.imports.push({ url: req.url ?? '', xsrf, body: Buffer.concat(chunks).toString('utf8') });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ success: options.importSucceeds, successCount: 0, errors: [] }));
  };
  const server = createServer((req, res) => void answer(req, res)).listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, seen, close: () => new Promise((resolve) => server.close(resolve)) };
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
        'kibana-setup',
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

  describe('kibana-setup', () => {
    const setup = compose.services['kibana-setup'];
    const script = (kibanaUrl: string): string =>
      setup!
        .command![0]!.replaceAll('http://kibana:5601', kibanaUrl)
        .replaceAll('@/kibana/', `@${path.join(root, 'kibana')}/`);
    const run = async (kibanaUrl: string): Promise<number | null> => {
      const child = spawn(setup!.entrypoint![0]!, [...setup!.entrypoint!.slice(1), script(kibanaUrl)], {
        stdio: 'ignore',
      });
      const [code] = (await once(child, 'exit')) as [number | null];
      return code;
    };

    it('mounts the repository’s kibana folder into a pinned curl image that starts after Kibana', () => {
      expect(setup?.image).toMatch(/^curlimages\/curl:\d+\.\d+\.\d+$/);
      expect(setup?.volumes).toEqual(['./kibana:/kibana:ro']);
      expect(setup?.depends_on).toEqual(['kibana']);
    });

    // The script waits 5 s between status polls, and the stub is available at the second one.
    it('waits for Kibana to be available, then imports the saved objects with overwrite', async () => {
      const kibana = await startStubKibana({ unavailableFor: 1, importSucceeds: true });
      try {
        const code = await run(kibana.url);
        expect(code).toBe(0);
        expect(kibana.seen.statusPolls).toBe(2);
        expect(kibana.seen.imports).toHaveLength(1);
        const [sent] = kibana.seen.imports;
        expect(sent?.url).toBe('/api/saved_objects/_import?overwrite=true');
        expect(sent?.xsrf).toBeDefined();
        expect(sent?.body).toContain('filename="saved-objects.ndjson"');
        expect(sent?.body).toContain(readFileSync(path.join(root, 'kibana/saved-objects.ndjson'), 'utf8'));
      } finally {
        await kibana.close();
      }
    }, 20_000);

    it('fails, so compose shows it, when Kibana does not accept the import', async () => {
      const kibana = await startStubKibana({ unavailableFor: 0, importSucceeds: false });
      try {
        expect(await run(kibana.url)).not.toBe(0);
      } finally {
        await kibana.close();
      }
    });
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

describe('the Temporal server of docker-compose.yml', () => {
  it('gets the dynamic config the partner queues need, as `make run` gives its dev server', () => {
    const compose = parse(readFileSync(composeFile, 'utf8')) as ComposeFile;
    const temporal = compose.services.temporal!;
    const mount = temporal.volumes!.find((v) => v.startsWith('./deploy/temporal-dynamic-config.yaml:'))!;
    expect(mount.split(':')[1]).toBe(`/etc/temporal/${temporal.environment!.DYNAMIC_CONFIG_FILE_PATH}`);
    const file = parse(
      readFileSync(path.join(root, 'deploy/temporal-dynamic-config.yaml'), 'utf8'),
    ) as Record<string, { value: unknown }[]>;
    const settings = Object.entries(file).map(([key, [first]]) => `${key}=${String(first!.value)}`);
    expect(settings.sort()).toEqual([...PARTNER_QUEUE_SETTINGS].sort());
  });
});
