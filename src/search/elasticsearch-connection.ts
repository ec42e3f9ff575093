import { readFileSync } from 'node:fs';
import type { Config } from '../config';

/** Credentials for Elasticsearch: an API key (its encoded form) or a user and password. */
export type ElasticsearchCredentials = { apiKey: string } | { username: string; password: string };

/**
 * How a process reaches Elasticsearch, decided once from the configuration: the node, the headers every
 * request carries (credentials) and the TLS trust. The official client (writes, health, point in time) and
 * the API's search transport are both built from it, so neither has auth or TLS handling of its own.
 */
export interface ElasticsearchConnection {
  /** The node's URL without credentials, e.g. `https://es.internal:9200`. */
  node: string;
  /** Sent with every request: `authorization` when credentials are configured. */
  headers: Readonly<Record<string, string>>;
  /** PEM of the certificate authorities trusted for an https node; the system's when absent. */
  ca?: string;
  /** How long a request may wait for its answer. */
  requestTimeoutMs: number;
}

/** The configuration keys a connection is read from. */
export type ElasticsearchSettings = Pick<Config, 'ELASTICSEARCH_URL'> &
  Partial<
    Pick<
      Config,
      'ELASTICSEARCH_API_KEY' | 'ELASTICSEARCH_USERNAME' | 'ELASTICSEARCH_PASSWORD' | 'ELASTICSEARCH_CA_FILE'
    >
  >;

/**
 * The connection the settings describe. Credentials come from ELASTICSEARCH_API_KEY, or
 * ELASTICSEARCH_USERNAME and ELASTICSEARCH_PASSWORD, or the URL's user info (config.ts allows one of them).
 */
export function elasticsearchConnection(
  settings: ElasticsearchSettings,
  options: { requestTimeoutMs?: number } = {},
): ElasticsearchConnection {
  const url = new URL(settings.ELASTICSEARCH_URL);
  const fromUrl = url.username
    ? { username: decodeURIComponent(url.username), password: decodeURIComponent(url.password) }
    : undefined;
  url.username = '';
  url.password = '';
  const credentials = credentialsOf(settings) ?? fromUrl;
  return {
    node: url.toString().replace(/\/$/, ''),
    headers: credentials ? { authorization: authorizationOf(credentials) } : {},
    ca: settings.ELASTICSEARCH_CA_FILE ? readFileSync(settings.ELASTICSEARCH_CA_FILE, 'utf8') : undefined,
    requestTimeoutMs: options.requestTimeoutMs ?? 30_000,
  };
}

function credentialsOf(settings: ElasticsearchSettings): ElasticsearchCredentials | undefined {
  if (settings.ELASTICSEARCH_API_KEY) return { apiKey: settings.ELASTICSEARCH_API_KEY };
  if (settings.ELASTICSEARCH_USERNAME)
    return { username: settings.ELASTICSEARCH_USERNAME, password: settings.ELASTICSEARCH_PASSWORD ?? '' };
  return undefined;
}

/** The `Authorization` value Elasticsearch expects for these credentials. */
export function authorizationOf(credentials: ElasticsearchCredentials): string {
  if ('apiKey' in credentials) return `ApiKey ${credentials.apiKey}`;
  return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
}
