import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** Thrown when an environment variable is missing, malformed or out of range at start-up. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const port = z.coerce.number().int().min(1).max(65535);
const positiveInt = z.coerce.number().int().positive();
const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const httpUrl = z
  .string()
  .url()
  .refine((u) => /^https?:\/\//.test(u), 'must be an http(s) URL');

/** Every environment variable the service reads, with its default. README's configuration table mirrors it. */
const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  API_HOST: z.string().min(1).default('127.0.0.1'),
  API_PORT: port.default(3000),
  ADMIN_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  TEMPORAL_ADDRESS: z
    .string()
    .regex(/^[^:\s]+:\d+$/, 'must be host:port')
    .default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('event-sync'),
  ELASTICSEARCH_URL: httpUrl.default('http://127.0.0.1:9200'),
  ELASTICSEARCH_INDEX_PREFIX: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]*$/, 'must be lowercase letters, digits, - or _')
    .default('eventhub'),
  // Credentials: an API key (its encoded form), or a user and password (or user info in the URL): one of them.
  ELASTICSEARCH_API_KEY: z.string().min(1).optional(),
  ELASTICSEARCH_USERNAME: z.string().min(1).optional(),
  ELASTICSEARCH_PASSWORD: z.string().optional(),
  // PEM file of the certificate authorities an https node's certificate is checked against.
  ELASTICSEARCH_CA_FILE: z.string().min(1).optional(),
  PROVIDERS_FILE: z.string().min(1).default('config/providers.yaml'),
  FEVER_PROVIDER_URL: httpUrl.optional(),
  // Replaces the base URL of the provider named `partner` (the simulator's partner API by default).
  PARTNER_PROVIDER_URL: httpUrl.optional(),
  STAGING_DIR: z.string().min(1).default('.data/staging'),
  INDEX_BATCH_SIZE: positiveInt.max(10_000).default(500),
  // Elasticsearch's guidance for bulk requests is 5-15 MB; a smaller request also caps the worker's memory.
  INDEX_BATCH_MAX_BYTES: positiveInt.default(5 * 1024 * 1024),
  SEARCH_CACHE_ENABLED: bool.default(true),
  SEARCH_CACHE_MAX_BYTES: positiveInt.default(256 * 1024 * 1024),
  // How soon an API process that did not wait for a run follows its new data (see generation-poller.ts).
  SEARCH_GENERATION_POLL_MS: positiveInt.min(50).max(60_000).default(300),
  // Consumer keys of the booking routes, comma-separated; unset turns the booking routes off.
  BOOKING_API_KEYS: z
    .string()
    .transform((keys) => keys.split(',').map((key) => key.trim()))
    .refine((keys) => keys.every((key) => key.length >= 16), 'each key must be at least 16 characters')
    .optional(),
  BOOKING_HOLD_TTL: z
    .string()
    .regex(/^[1-9]\d*(ms|s|m|h)$/, 'must be a duration such as 30s or 5m')
    .transform(durationMs)
    .default(5 * 60 * 1000),
  BOOKING_MAX_QUANTITY: positiveInt.max(1000).default(10),
  // Temporal runs at most 10 Updates of one workflow at once; holds and payments each get this many.
  BOOKING_ZONE_CONCURRENCY: positiveInt.max(5).default(4),
  SIMULATOR_HOST: z.string().min(1).default('127.0.0.1'),
  SIMULATOR_PORT: port.default(3100),
  // The key the simulator's partner APIs accept; `make run` gives the hub the same one as PARTNER_API_KEY.
  SIMULATOR_PARTNER_API_KEY: z.string().min(1).optional(),
});

export type Config = z.infer<typeof schema>;

/** Reads and validates the configuration once; fails fast naming the offending variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = parseEnv(schema, env);
  checkElasticsearchAccess(parsed);
  return {
    ...parsed,
    PROVIDERS_FILE: path.resolve(parsed.PROVIDERS_FILE),
    STAGING_DIR: path.resolve(parsed.STAGING_DIR),
  };
}

/** Elasticsearch credentials come from one place, and a CA file must be readable at start rather than at first use. */
function checkElasticsearchAccess(config: z.infer<typeof schema>): void {
  const sources = [
    config.ELASTICSEARCH_API_KEY && 'ELASTICSEARCH_API_KEY',
    config.ELASTICSEARCH_USERNAME && 'ELASTICSEARCH_USERNAME',
    new URL(config.ELASTICSEARCH_URL).username && 'user info in ELASTICSEARCH_URL',
  ].filter(Boolean);
  if (sources.length > 1)
    throw new ConfigError(
      `invalid configuration: Elasticsearch credentials set twice (${sources.join(', ')})`,
    );
  if (config.ELASTICSEARCH_PASSWORD !== undefined && !config.ELASTICSEARCH_USERNAME)
    throw new ConfigError(
      'invalid configuration: ELASTICSEARCH_PASSWORD is set without ELASTICSEARCH_USERNAME',
    );
  if (config.ELASTICSEARCH_CA_FILE && !existsSync(config.ELASTICSEARCH_CA_FILE))
    throw new ConfigError(
      `invalid configuration: ELASTICSEARCH_CA_FILE: no file at ${config.ELASTICSEARCH_CA_FILE}`,
    );
}

/** The variables `variables` names, validated (an empty value counts as unset); throws naming each bad one. */
export function parseEnv<S extends z.ZodObject>(variables: S, env: NodeJS.ProcessEnv): z.output<S> {
  const known = Object.fromEntries(
    Object.keys(variables.shape).map((key) => [key, env[key] === '' ? undefined : env[key]]),
  );
  const parsed = variables.safeParse(known);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`invalid configuration: ${problems.join('; ')}`);
  }
  return parsed.data;
}

/** Milliseconds of a duration such as `250ms`, `30s`, `5m` or `1h`. */
function durationMs(value: string): number {
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[
    value.replace(/^\d+/, '') as 'ms' | 's' | 'm' | 'h'
  ];
  return Number.parseInt(value, 10) * unit;
}

/** Value of an environment variable a provider's configuration names (header secrets). */
export function secretFromEnv(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env[name];
}
