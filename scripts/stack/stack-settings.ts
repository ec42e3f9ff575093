import path from 'node:path';
import { z } from 'zod';
import { loadConfig, parseEnv } from '../../src/config';
import { projectRoot } from './paths';

const port = z.coerce.number().int().min(1).max(65535);

/** The stack's own variables; the app's (API_PORT, SIMULATOR_PORT, ...) are validated by src/config.ts. */
const schema = z.object({
  EVENT_HUB_DATA_DIR: z.string().min(1).optional(),
  ELASTICSEARCH_PORT: port.default(9200),
  ELASTICSEARCH_TRANSPORT_PORT: port.default(9300),
  ELASTICSEARCH_HEAP_MB: z.coerce.number().int().min(256).max(31_744).default(2048),
  TEMPORAL_PORT: port.default(7233),
  TEMPORAL_UI_PORT: port.default(8233),
});

/** What `make run` starts and where, from the environment. */
export interface StackSettings {
  dataDir: string;
  /** An existing node (ELASTICSEARCH_URL is set), or the ports and heap of the node the stack starts. */
  elasticsearch: { url: string } | { httpPort: number; transportPort: number; heapMb: number };
  /** An existing server (TEMPORAL_ADDRESS is set), or the ports of the dev server the stack starts. */
  temporal: { address: string } | { port: number; uiPort: number };
  apiPort: number;
  simulatorPort: number;
  adminToken: string | undefined;
  /** BOOKING_API_KEYS as given (comma-separated), when set. */
  bookingApiKeys: string | undefined;
  /** FEVER_PROVIDER_URL when set; otherwise provider `fever` is the stack's simulator. */
  feverUrl: string | undefined;
  /** PARTNER_PROVIDER_URL when set; otherwise provider `partner` is the stack's simulator. */
  partnerUrl: string | undefined;
  /** PARTNER_API_KEY when set (a real partner's key); otherwise the simulator's development key. */
  partnerApiKey: string | undefined;
}

/** Reads and validates the stack's settings; fails naming the offending variable before anything starts. */
export function readStackSettings(env: NodeJS.ProcessEnv = process.env): StackSettings {
  const app = loadConfig(env);
  const stack = parseEnv(schema, env);
  return {
    dataDir: path.resolve(stack.EVENT_HUB_DATA_DIR ?? path.join(projectRoot, '.data')),
    elasticsearch: env.ELASTICSEARCH_URL
      ? { url: app.ELASTICSEARCH_URL }
      : {
          httpPort: stack.ELASTICSEARCH_PORT,
          transportPort: stack.ELASTICSEARCH_TRANSPORT_PORT,
          heapMb: stack.ELASTICSEARCH_HEAP_MB,
        },
    temporal: env.TEMPORAL_ADDRESS
      ? { address: app.TEMPORAL_ADDRESS }
      : { port: stack.TEMPORAL_PORT, uiPort: stack.TEMPORAL_UI_PORT },
    apiPort: app.API_PORT,
    simulatorPort: app.SIMULATOR_PORT,
    adminToken: app.ADMIN_TOKEN,
    bookingApiKeys: app.BOOKING_API_KEYS?.join(','),
    feverUrl: app.FEVER_PROVIDER_URL,
    partnerUrl: app.PARTNER_PROVIDER_URL,
    partnerApiKey: env.PARTNER_API_KEY,
  };
}
