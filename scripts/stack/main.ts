import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { startAppProcess, type AppName } from './app-process';
import { elasticsearchDataDir } from './elasticsearch-data-dir';
import { startElasticsearchNode } from './elasticsearch-node';
import { runningAsRoot, STATE_DIR } from './paths';
import { pruneCloneFolders } from './prune-clone-folders';
import { readStackSettings, type StackSettings } from './stack-settings';
import { startTemporalDevServer } from './temporal-dev-server';
import { waitUntil } from './wait-until';

const SERVERS = new Set(['elasticsearch', 'temporal']);
const APPS: readonly AppName[] = ['simulator', 'worker', 'api'];

const log = (line: string): void => void process.stdout.write(`[stack] ${line}\n`);

type Started = { stop(): Promise<void>; name: string }[];

/** `make run`: every server and app process on loopback, in the foreground, stopped together on Ctrl-C. */
async function main(): Promise<void> {
  const settings = settingsOrExit();
  const data = settings.dataDir;
  mkdirSync(data, { recursive: true });
  const started: Started = [];
  let stopping = false;
  const stopAll = async (code: number): Promise<never> => {
    if (!stopping) {
      stopping = true;
      log('stopping everything this run started');
      // App processes first (they hold connections to the servers), then the servers together.
      const apps = started.filter((c) => !SERVERS.has(c.name)).reverse();
      for (const child of apps) await child.stop().catch(() => undefined);
      await Promise.all(
        started.filter((c) => SERVERS.has(c.name)).map((c) => c.stop().catch(() => undefined)),
      );
      log('stopped');
    }
    process.exit(code);
  };
  process.once('SIGINT', () => void stopAll(0));
  process.once('SIGTERM', () => void stopAll(0));

  try {
    const { elasticsearch, temporal } = await startServers(settings, started);
    const adminToken = settings.adminToken ?? developmentSecret(data, 'admin-token');
    const bookingApiKeys = settings.bookingApiKeys ?? developmentSecret(data, 'consumer-key');
    const simulatorUrl = `http://127.0.0.1:${settings.simulatorPort}`;
    const partnerApiKey = settings.partnerApiKey ?? developmentSecret(data, 'partner-key');
    // What the stack decides is set explicitly, so a value left in the caller's shell cannot redirect it.
    const appEnv = {
      ...process.env,
      ELASTICSEARCH_URL: elasticsearch.url,
      TEMPORAL_ADDRESS: temporal.address,
      API_PORT: String(settings.apiPort),
      SIMULATOR_PORT: String(settings.simulatorPort),
      FEVER_PROVIDER_URL: settings.feverUrl ?? `${simulatorUrl}/feeds/fever`,
      PARTNER_PROVIDER_URL: settings.partnerUrl ?? `${simulatorUrl}/partners/partner`,
      PARTNER_API_KEY: partnerApiKey,
      SIMULATOR_PARTNER_API_KEY: partnerApiKey,
      ADMIN_TOKEN: adminToken,
      BOOKING_API_KEYS: bookingApiKeys,
      STAGING_DIR: path.join(data, 'staging'),
    };
    const fromSources = __filename.endsWith('.ts');
    for (const name of APPS) {
      const child = startAppProcess({ name, env: appEnv, logDir: path.join(data, 'logs'), fromSources });
      started.push(child);
      void child.exited.then((code) => {
        if (!stopping) {
          log(`${name} exited (${code}); see ${child.logFile}`);
          void stopAll(1);
        }
      });
    }
    const apiUrl = `http://127.0.0.1:${settings.apiPort}`;
    await waitUntil('API', async () => (await fetch(`${apiUrl}/health`)).ok, { timeoutMs: 180_000 });
    await triggerFirstSyncs(apiUrl, adminToken);
    log(`API            ${apiUrl}  (search: ${apiUrl}/search, docs: ${apiUrl}/docs)`);
    log(`Temporal UI    ${temporal.ui ?? 'external server'}`);
    log(`Elasticsearch  ${elasticsearch.url}`);
    log(`Simulator      ${simulatorUrl}/feeds/fever, ${simulatorUrl}/partners/partner`);
    if (settings.feverUrl) log(`fever feed     ${settings.feverUrl} (FEVER_PROVIDER_URL)`);
    if (settings.partnerUrl) log(`partner API    ${settings.partnerUrl} (PARTNER_PROVIDER_URL)`);
    log(
      `admin token    ${settings.adminToken ? 'from ADMIN_TOKEN' : `in ${path.join(data, 'admin-token')}`}`,
    );
    log(
      `consumer key   ${settings.bookingApiKeys ? 'from BOOKING_API_KEYS' : `in ${path.join(data, 'consumer-key')}`} (bookings)`,
    );
    log(`logs and data  ${data}   — Ctrl-C stops everything`);
    if (elasticsearch.dir && !elasticsearch.dir.startsWith(data + path.sep)) {
      log(`logs and data  ${elasticsearch.dir}   (Elasticsearch's: 'nobody' cannot reach ${data})`);
    }
  } catch (error) {
    log(`failed: ${(error as Error).message}`);
    await stopAll(1);
  }
}

function settingsOrExit(): StackSettings {
  try {
    return readStackSettings();
  } catch (error) {
    log(`failed: ${(error as Error).message}`);
    return process.exit(1);
  }
}

/** The servers the apps talk to: the ones the settings name, or ones this run starts. */
async function startServers(
  settings: StackSettings,
  started: Started,
): Promise<{
  elasticsearch: { url: string; dir: string | null };
  temporal: { address: string; ui: string | null };
}> {
  const [elasticsearch, temporal] = await Promise.all([
    ensureElasticsearchNode(settings, started),
    ensureTemporalServer(settings, started),
  ]);
  return { elasticsearch, temporal };
}

async function ensureElasticsearchNode(
  settings: StackSettings,
  started: Started,
): Promise<{ url: string; dir: string | null }> {
  const options = settings.elasticsearch;
  if ('url' in options) return { url: options.url, dir: null };
  const dir = placeElasticsearch(settings.dataDir);
  const node = await startElasticsearchNode({ dataDir: dir, ...options, log });
  started.push({ name: 'elasticsearch', stop: () => node.process.stop() });
  return { url: node.url, dir };
}

async function ensureTemporalServer(
  settings: StackSettings,
  started: Started,
): Promise<{ address: string; ui: string | null }> {
  const options = settings.temporal;
  if ('address' in options) return { address: options.address, ui: null };
  const dataDir = path.join(settings.dataDir, 'temporal');
  const server = await startTemporalDevServer({ dataDir, ...options, log });
  started.push({ name: 'temporal', stop: () => server.process.stop() });
  return { address: server.address, ui: server.uiUrl };
}

/** The folder of the node's data and logs (see elasticsearch-data-dir.ts), saying so when it is elsewhere. */
function placeElasticsearch(dataDir: string): string {
  const place = elasticsearchDataDir({ dataDir, runningAsRoot, stateDir: STATE_DIR, pid: process.pid });
  if (runningAsRoot) {
    for (const folder of pruneCloneFolders(STATE_DIR)) log(`removed ${folder}: its data folder is gone`);
  }
  if (place.unreachable) {
    log(
      `Elasticsearch runs as 'nobody', who cannot search ${place.unreachable}: ` +
        `its data and logs are in ${place.dir}`,
    );
  }
  return place.dir;
}

/** A per-checkout secret (admin token, consumer key) for local use, kept private in the data folder and never printed. */
function developmentSecret(data: string, name: 'admin-token' | 'consumer-key' | 'partner-key'): string {
  const file = path.join(data, name);
  if (!existsSync(file)) writeFileSync(file, randomBytes(24).toString('hex'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

/**
 * Schedules fire on their interval; a first sync of every provider now (each window of a partner; its
 * queue's priority takes today's first) gives the APIs something to answer straight away.
 */
async function triggerFirstSyncs(apiUrl: string, token: string): Promise<void> {
  const headers = { authorization: `Bearer ${token}` };
  const listed = (await (await fetch(`${apiUrl}/admin/providers`, { headers })).json()) as {
    data: { providers: { providerId: string; enabled: boolean; windows: { window: string }[] }[] };
  };
  for (const provider of listed.data.providers.filter((p) => p.enabled)) {
    const windows = provider.windows.length > 0 ? provider.windows.map((w) => w.window) : [null];
    for (const window of windows) {
      const query = window ? `?window=${window}` : '';
      const response = await fetch(`${apiUrl}/admin/providers/${provider.providerId}/sync${query}`, {
        method: 'POST',
        headers,
      });
      log(
        `first sync of ${provider.providerId}${window ? ` (${window})` : ''} requested (HTTP ${response.status})`,
      );
    }
  }
}

void main();
