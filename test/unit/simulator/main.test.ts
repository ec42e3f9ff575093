import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { childEnv } from '../../support/child-env';

const root = path.resolve(__dirname, '../../..');

describe('npm run simulator (src/simulator/main.ts)', () => {
  it('starts from flags, logs its URL as JSON, serves the feed and the partner API, and exits 0 on SIGTERM', async () => {
    const child = spawn(
      path.join(root, 'node_modules/.bin/tsx'),
      ['src/simulator/main.ts', '--port', '0', '--sample', '2', '--partner-api-key', 'cli-key'],
      { cwd: root, env: childEnv({ LOG_LEVEL: 'info' }), stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const exited = once(child, 'exit');
    try {
      let url: string | undefined;
      for await (const line of createInterface({ input: child.stdout })) {
        const entry = JSON.parse(line) as { msg: string; url?: string };
        if (entry.msg === 'simulator listening') {
          url = entry.url;
          break;
        }
      }
      const body = await (await fetch(`${url}/feeds/fever`)).text();
      expect(body).toBe(await readFile(path.join(root, 'test/fixtures/fever/response_2.xml'), 'utf8'));
      const inventory = await fetch(`${url}/partners/acme/inventory/p-1001?date=2026-12-03`, {
        headers: { 'x-api-key': 'cli-key' },
      });
      expect(inventory.status).toBe(200);
      expect(Array.isArray(await inventory.json())).toBe(true);
    } finally {
      child.kill('SIGTERM');
    }
    const [code] = await exited;
    expect(code).toBe(0);
  }, 20_000);
});
