import path from 'node:path';
import {
  durationMs,
  loadProviderSettings,
  providerKinds,
  ProvidersFileError,
} from '../../../src/providers/provider-settings';

const fixture = (name: string): string => path.resolve(__dirname, '../../fixtures/providers', name);

const SECRETS: Record<string, string> = {
  MADRID_FEED_AUTHORIZATION: 'Bearer madrid-token',
  MADRID_FEED_API_KEY: 'madrid-key',
};
const secrets = (name: string): string | undefined => SECRETS[name];
const noSecrets = (): undefined => undefined;

describe('loadProviderSettings', () => {
  it('fills in the defaults of every optional setting', () => {
    expect(loadProviderSettings(fixture('defaults-only.yaml'), { env: noSecrets })).toEqual([
      {
        id: 'fever',
        kind: 'xml-event-list',
        url: 'http://127.0.0.1:3100/feeds/fever',
        schedule: { every: '5m' },
        timeZone: 'UTC',
        requestTimeout: '30s',
        maxFeedBytes: 512 * 1024 * 1024,
        headers: {},
        enabled: true,
      },
    ]);
  });

  it('reads every setting and resolves headersFromEnv to the values of the named variables', () => {
    const [, madrid] = loadProviderSettings(fixture('two-providers.yaml'), { env: secrets });

    expect(madrid).toEqual({
      id: 'madrid-theatres',
      kind: 'xml-event-list',
      url: 'https://feeds.example.com/madrid/events.xml',
      schedule: { cron: '*/10 * * * *' },
      timeZone: 'Europe/Madrid',
      requestTimeout: '45s',
      maxFeedBytes: 1048576,
      headers: { Authorization: 'Bearer madrid-token', 'X-Api-Key': 'madrid-key' },
      enabled: false,
    });
  });

  it('fails naming the header and the variable when a headersFromEnv variable is not set', () => {
    const load = () => loadProviderSettings(fixture('two-providers.yaml'), { env: noSecrets });

    expect(load).toThrow(ProvidersFileError);
    expect(load).toThrow(
      'provider madrid-theatres: header Authorization needs environment variable MADRID_FEED_AUTHORIZATION',
    );
  });

  it('lets FEVER_PROVIDER_URL replace the URL of the fever provider only', () => {
    const providers = loadProviderSettings(fixture('two-providers.yaml'), {
      feverUrl: 'http://simulator.test:3100/feeds/fever',
      env: secrets,
    });

    expect(providers.map((p) => [p.id, p.kind === 'xml-event-list' ? p.url : null])).toEqual([
      ['fever', 'http://simulator.test:3100/feeds/fever'],
      ['madrid-theatres', 'https://feeds.example.com/madrid/events.xml'],
    ]);
  });

  it('loads the providers file the repository ships', () => {
    const shipped = path.resolve(__dirname, '../../../config/providers.yaml');

    const providers = loadProviderSettings(shipped, {
      env: (name) => (name === 'PARTNER_API_KEY' ? 'k' : undefined),
    });

    expect(providers.map((p) => [p.id, p.kind])).toEqual([
      ['fever', 'xml-event-list'],
      ['partner', 'availability-json'],
    ]);
  });

  it.each([
    ['unknown-key.yaml', 'providers.0: Unrecognized key: "requestTimout"'],
    ['bad-time-zone.yaml', 'providers.0.timeZone: must be an IANA time zone'],
    ['bad-duration.yaml', 'providers.0.requestTimeout: must be a duration'],
    ['zero-timeout.yaml', 'providers.0.requestTimeout: must be a duration'],
    ['bad-id.yaml', 'providers.0.id: must be lowercase letters, digits and dashes'],
    ['non-http-url.yaml', 'providers.0.url: must be an http(s) URL'],
    ['secret-in-file.yaml', 'providers.0.headersFromEnv.Authorization: '],
    ['duplicate-id.yaml', 'provider id fever is repeated'],
    ['partner-without-products.yaml', 'providers.0.products: Too small'],
    ['partner-bad-window.yaml', 'providers.0.windows.week.days: the first day must not come after the last'],
    ['partner-url-setting.yaml', 'providers.0: Unrecognized key: "url"'],
    ['colliding-windows.yaml', 'providers a-b and a both sync as sync-a-b-c'],
  ])('refuses %s, naming the file and the offending setting', (name, problem) => {
    const load = () => loadProviderSettings(fixture(name), { env: noSecrets });

    expect(load).toThrow(ProvidersFileError);
    expect(load).toThrow(`invalid providers file ${fixture(name)}: ${problem}`);
  });

  it('refuses a kind the hub does not serve, naming the kinds it serves', () => {
    const load = () => loadProviderSettings(fixture('bad-kind.yaml'), { env: noSecrets });

    expect(load).toThrow(ProvidersFileError);
    expect(load).toThrow(
      `invalid providers file ${fixture('bad-kind.yaml')}: ` +
        `providers.0.kind: must be a provider kind the hub serves: ${providerKinds.join(', ')}`,
    );
  });

  it('reads a partner availability provider with its windows and rate limit, the API key from the environment', () => {
    const [partner] = loadProviderSettings(fixture('partner.yaml'), {
      env: (name) => (name === 'PARTNER_API_KEY' ? 'key-1' : undefined),
    });

    expect(partner).toEqual({
      id: 'partner',
      kind: 'availability-json',
      baseUrl: 'http://127.0.0.1:3100/partners/partner',
      apiKey: 'key-1',
      products: ['p-1001', 'p-1002', 'p-1003'],
      rateLimit: { requests: 30, per: '60s' },
      windows: {
        today: { days: [0, 0], every: '15m' },
        week: { days: [1, 6], every: '4h' },
        month: { days: [7, 29], every: '1d' },
        horizon: { days: [30, 59], every: '7d' },
      },
      timeZone: 'Europe/Madrid',
      requestTimeout: '30s',
      enabled: true,
    });
  });

  it('fails naming the variable when a partner API key is not in the environment', () => {
    expect(() => loadProviderSettings(fixture('partner.yaml'), { env: noSecrets })).toThrow(
      'provider partner: apiKeyFromEnv needs environment variable PARTNER_API_KEY',
    );
  });

  it('refuses a file that is not YAML, or missing, naming the file', () => {
    expect(() => loadProviderSettings(fixture('not-yaml.yaml'), { env: noSecrets })).toThrow(
      `cannot read providers file ${fixture('not-yaml.yaml')}`,
    );
    expect(() => loadProviderSettings(fixture('missing.yaml'), { env: noSecrets })).toThrow(
      /cannot read providers file .*missing\.yaml: ENOENT/,
    );
  });
});

describe('durationMs', () => {
  it('converts each unit, and takes a bare number as milliseconds', () => {
    expect(['250ms', '30s', '5m', '1h', '1d', 1500].map(durationMs)).toEqual([
      250, 30_000, 300_000, 3_600_000, 86_400_000, 1500,
    ]);
  });

  it('refuses text that is not a duration', () => {
    expect(() => durationMs('30 seconds')).toThrow(ProvidersFileError);
  });
});
