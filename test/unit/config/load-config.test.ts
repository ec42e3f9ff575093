import path from 'node:path';
import { ConfigError, loadConfig, secretFromEnv } from '../../../src/config';

describe('loadConfig', () => {
  it('with nothing set, gives the documented local defaults', () => {
    expect(loadConfig({})).toEqual({
      NODE_ENV: 'development',
      LOG_LEVEL: 'info',
      API_HOST: '127.0.0.1',
      API_PORT: 3000,
      ADMIN_TOKEN: undefined,
      TEMPORAL_ADDRESS: '127.0.0.1:7233',
      TEMPORAL_NAMESPACE: 'default',
      TEMPORAL_TASK_QUEUE: 'event-sync',
      ELASTICSEARCH_URL: 'http://127.0.0.1:9200',
      ELASTICSEARCH_INDEX_PREFIX: 'eventhub',
      PROVIDERS_FILE: path.resolve('config/providers.yaml'),
      FEVER_PROVIDER_URL: undefined,
      PARTNER_PROVIDER_URL: undefined,
      STAGING_DIR: path.resolve('.data/staging'),
      INDEX_BATCH_SIZE: 500,
      INDEX_BATCH_MAX_BYTES: 5 * 1024 * 1024,
      SEARCH_CACHE_ENABLED: true,
      SEARCH_CACHE_MAX_BYTES: 256 * 1024 * 1024,
      SEARCH_GENERATION_POLL_MS: 300,
      BOOKING_API_KEYS: undefined,
      BOOKING_HOLD_TTL: 5 * 60 * 1000,
      BOOKING_MAX_QUANTITY: 10,
      BOOKING_ZONE_CONCURRENCY: 4,
      SIMULATOR_HOST: '127.0.0.1',
      SIMULATOR_PORT: 3100,
      SIMULATOR_PARTNER_API_KEY: undefined,
    });
  });

  it('reads booking keys as a list and the hold time as a duration', () => {
    const config = loadConfig({
      BOOKING_API_KEYS: 'consumer-key-0000000001, consumer-key-0000000002',
      BOOKING_HOLD_TTL: '3s',
    });

    expect(config.BOOKING_API_KEYS).toEqual(['consumer-key-0000000001', 'consumer-key-0000000002']);
    expect(config.BOOKING_HOLD_TTL).toBe(3000);
  });

  it('refuses a short booking key and a hold time without a unit, naming each', () => {
    expect(() => loadConfig({ BOOKING_API_KEYS: 'short' })).toThrow(/BOOKING_API_KEYS: each key/);
    expect(() => loadConfig({ BOOKING_HOLD_TTL: '300' })).toThrow(/BOOKING_HOLD_TTL: must be a duration/);
  });

  it('reads numbers and booleans from their text and resolves file paths', () => {
    const config = loadConfig({
      API_PORT: '8080',
      SEARCH_CACHE_ENABLED: '0',
      SEARCH_CACHE_MAX_BYTES: '1024',
      PROVIDERS_FILE: 'elsewhere/providers.yaml',
      STAGING_DIR: '/var/lib/event-hub/staging',
    });

    expect(config).toMatchObject({
      API_PORT: 8080,
      SEARCH_CACHE_ENABLED: false,
      SEARCH_CACHE_MAX_BYTES: 1024,
      PROVIDERS_FILE: path.resolve('elsewhere/providers.yaml'),
      STAGING_DIR: '/var/lib/event-hub/staging',
    });
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ API_PORT: '', LOG_LEVEL: '' })).toMatchObject({ API_PORT: 3000, LOG_LEVEL: 'info' });
  });

  it('ignores variables it does not know', () => {
    expect(loadConfig({ PATH: '/usr/bin', HOME: '/root' })).not.toHaveProperty('PATH');
  });

  it.each([
    ['API_PORT', 'abc'],
    ['API_PORT', '70000'],
    ['API_PORT', '0'],
    ['ELASTICSEARCH_URL', 'not a url'],
    ['ELASTICSEARCH_URL', 'ftp://127.0.0.1:9200'],
    ['LOG_LEVEL', 'loud'],
    ['TEMPORAL_ADDRESS', 'localhost'],
    ['ELASTICSEARCH_INDEX_PREFIX', 'Upper-Case'],
    ['SEARCH_CACHE_ENABLED', 'yes'],
    ['ADMIN_TOKEN', 'too-short'],
  ])('fails at start-up naming %s when it is %p', (variable, value) => {
    const load = () => loadConfig({ [variable]: value });

    expect(load).toThrow(ConfigError);
    expect(load).toThrow(new RegExp(`^invalid configuration: ${variable}: `));
  });

  it('names every offending variable at once', () => {
    const load = () => loadConfig({ API_PORT: 'abc', LOG_LEVEL: 'loud' });

    expect(load).toThrow(/API_PORT: /);
    expect(load).toThrow(/LOG_LEVEL: /);
  });
});

describe('secretFromEnv', () => {
  it('reads the named variable, undefined when it is not set', () => {
    const env = { PROVIDER_TOKEN: 's3cret' };

    expect(secretFromEnv('PROVIDER_TOKEN', env)).toBe('s3cret');
    expect(secretFromEnv('MISSING_TOKEN', env)).toBeUndefined();
  });
});
