import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { createTestApp, listenOnLoopback } from './fakes/test-app';
import type { TestApp } from './fakes/test-app';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

jest.setTimeout(60_000);

describe('GET /docs in a real browser', () => {
  let t: TestApp;
  let server: Server;
  let browser: Browser;
  let origin: string;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `${CHROMIUM} is missing: install it with \`apt-get install -y chromium\` (this test does not skip)`,
      );
    }
    t = createTestApp();
    const listening = await listenOnLoopback(t);
    server = listening.server;
    origin = `http://127.0.0.1:${listening.port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    server?.close();
    t?.close();
  });

  test.each(['/docs', '/docs/'])(
    '%s renders the search operation from /openapi.json, loading nothing from other origins',
    async (path) => {
      const page = await browser.newPage();
      const foreign: string[] = [];
      const problems: string[] = [];
      page.on('request', (req) => {
        if (!req.url().startsWith(origin) && !req.url().startsWith('data:')) foreign.push(req.url());
      });
      page.on('console', (msg) => {
        if (msg.type() === 'error') problems.push(msg.text());
      });
      page.on('pageerror', (err) => problems.push(err.message));

      await page.goto(`${origin}${path}`);
      const operation = page.locator('#operations-default-searchEvents');
      await operation.waitFor({ state: 'visible', timeout: 20_000 });
      await expect(operation.locator('.opblock-summary-path').textContent()).resolves.toBe('/search');
      await operation.locator('.opblock-summary-control').click();
      await page.getByText('starts_at', { exact: true }).first().waitFor({ state: 'visible' });
      await expect(page.locator('.opblock[id$="-getEvent"]').count()).resolves.toBe(1);

      expect(foreign).toEqual([]);
      expect(problems).toEqual([]);
      await page.close();
    },
  );
});
