import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import type { Logger } from 'pino';
import { createRequestHandler } from './create-request-handler';
import { feedControlSchema } from './feed-control';
import type { FeedControl, FeedControlInput } from './feed-control';
import { FeedRegistry } from './feed-registry';
import { FeedState } from './feed-state';
import type { FeedStatus } from './feed-state';
import { loadSamples } from './load-samples';
import { PartnerRegistry } from './partners/partner-registry';
import { partnerUrl } from './partners/partner-url';
import { resolveSamplesDir } from './resolve-samples-dir';

/** How to start a simulator; everything is optional. */
export interface SimulatorOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** Folder of `response_N.xml` files; defaults to `src/simulator/samples`. */
  samplesDir?: string;
  /** Applied to every feed when first used and again after a reset, e.g. `{ sample: 2 }`. */
  initialControl?: FeedControlInput;
  /** The key every partner API accepts until control changes it; `sim-partner-key` by default. */
  partnerApiKey?: string;
  /** Epoch ms for the partner APIs (rate windows, today, request times); tests pass a fake clock. */
  now?: () => number;
  logger?: Logger;
}

/** A running provider simulator. */
export interface Simulator {
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  url: string;
  port: number;
  /** URL of a feed, `fever` by default: `${url}/feeds/${name}`. */
  feedUrl(name?: string): string;
  /** Base URL of a partner API: `${url}/partners/${providerId}`, to which the hub appends `/inventory/...`. */
  partnerUrl(providerId: string): string;
  /** Same as `POST /control/feeds/:name`, without HTTP. Throws on an invalid control. */
  control(name: string, control: FeedControlInput): FeedStatus;
  /** Same as `GET /control/feeds/:name`. */
  status(name: string): FeedStatus;
  /** Same as `POST /control/reset`: feeds and partners. */
  reset(): void;
  /** Stops listening and destroys every open connection, stalled ones included. Idempotent. */
  close(): Promise<void>;
}

/** Starts a provider simulator on `host:port` and resolves once it is listening. */
export async function createSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const logger = options.logger ?? pino({ level: 'silent' });
  const samples = await loadSamples(options.samplesDir ?? resolveSamplesDir());
  const initialControl = validInitialControl(options.initialControl, samples);
  const feeds = new FeedRegistry(samples, initialControl);
  const partners = new PartnerRegistry({ apiKey: options.partnerApiKey, now: options.now });
  const server = createServer(createRequestHandler({ feeds, partners, logger }));
  await listen(server, options.port ?? 0, options.host ?? '127.0.0.1');
  const { address, port } = server.address() as AddressInfo;
  const url = `http://${address.includes(':') ? `[${address}]` : address}:${port}`;
  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    feedUrl: (name = 'fever') => `${url}/feeds/${name}`,
    partnerUrl: (providerId) => partnerUrl(url, providerId),
    control: (name, control) => {
      feeds.get(name).apply(feedControlSchema.parse(control));
      return feeds.get(name).status();
    },
    status: (name) => feeds.get(name).status(),
    reset: () => {
      feeds.reset();
      partners.reset();
    },
    close: () => (closing ??= closeServer(server)),
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** Stalled and keep-alive connections would hold server.close() open forever: destroy them all. */
function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** Fails at start-up, not on the first request, when the start-up control is invalid. */
function validInitialControl(
  input: FeedControlInput | undefined,
  samples: Buffer[],
): FeedControl | undefined {
  if (input === undefined) return undefined;
  const control = feedControlSchema.parse(input);
  new FeedState('start-up check', samples).apply(control);
  return control;
}
