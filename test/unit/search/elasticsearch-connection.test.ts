import { once } from 'node:events';
import type { IncomingHttpHeaders } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Client } from '@elastic/elasticsearch';
import { ConfigError, loadConfig } from '../../../src/config';
import { createElasticsearchClient } from '../../../src/search/elasticsearch-client';
import {
  elasticsearchConnection,
  type ElasticsearchSettings,
} from '../../../src/search/elasticsearch-connection';
import { UndiciSearchTransport } from '../../../src/search/search-transport';
import { makeTestCertificates, type TestCertificates } from '../../support/test-certificates';

/** An https stand-in for a node, answering every request as a search with no hits; it keeps what it saw. */
async function httpsNode(
  certificates: TestCertificates,
): Promise<{ url: string; seen: IncomingHttpHeaders[]; server: Server }> {
  const seen: IncomingHttpHeaders[] = [];
  const server = createServer({ key: certificates.key, cert: certificates.cert }, (req, res) => {
    seen.push(req.headers);
    req.resume();
    res.writeHead(200, { 'content-type': 'application/json', 'x-elastic-product': 'Elasticsearch' });
    res.end('{"hits":{"hits":[]}}');
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { url: `https://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, server };
}

describe('one Elasticsearch connection for the client and the search transport', () => {
  let certificates: TestCertificates;
  let node: Awaited<ReturnType<typeof httpsNode>>;
  const closers: (() => Promise<unknown>)[] = [];

  beforeAll(async () => {
    certificates = makeTestCertificates();
    node = await httpsNode(certificates);
  });
  afterEach(async () => {
    await Promise.all(closers.splice(0).map((close) => close()));
    node.seen.length = 0;
  });
  afterAll(() => {
    node.server.close();
    certificates.remove();
  });

  /** Sends one search through each of them, built from the same settings; answers what the node saw. */
  async function bothSend(settings: Omit<ElasticsearchSettings, 'ELASTICSEARCH_CA_FILE'>) {
    const connection = elasticsearchConnection({ ...settings, ELASTICSEARCH_CA_FILE: certificates.caFile });
    const client: Client = createElasticsearchClient(connection);
    const transport = new UndiciSearchTransport(connection);
    closers.push(
      () => client.close(),
      () => transport.close(),
    );
    await client.search({ index: 'events' });
    await transport.post('/events/_search', '{}');
    expect(node.seen).toHaveLength(2);
    return node.seen;
  }

  it('sends an API key the same way from both, over TLS trusted through the configured CA', async () => {
    const [fromClient, fromTransport] = await bothSend({
      ELASTICSEARCH_URL: node.url,
      ELASTICSEARCH_API_KEY: 'a2V5LWlkOmtleS1zZWNyZXQ=',
    });

    expect(fromClient?.authorization).toBe('ApiKey a2V5LWlkOmtleS1zZWNyZXQ=');
    expect(fromTransport?.authorization).toBe(fromClient?.authorization);
  });

  it('sends a user and password as basic authentication from both', async () => {
    const [fromClient, fromTransport] = await bothSend({
      ELASTICSEARCH_URL: node.url,
      ELASTICSEARCH_USERNAME: 'search user',
      ELASTICSEARCH_PASSWORD: 'p@ss',
    });

    const expected = `Basic ${Buffer.from('search user:p@ss').toString('base64')}`;
    expect(fromClient?.authorization).toBe(expected);
    expect(fromTransport?.authorization).toBe(expected);
  });

  it('takes credentials written into the URL, and keeps them out of the node address', async () => {
    const url = node.url.replace('https://', 'https://reader:s%3Acret@');
    const connection = elasticsearchConnection({ ELASTICSEARCH_URL: url });
    const [fromClient, fromTransport] = await bothSend({ ELASTICSEARCH_URL: url });

    expect(connection.node).toBe(node.url);
    expect(fromClient?.authorization).toBe(`Basic ${Buffer.from('reader:s:cret').toString('base64')}`);
    expect(fromTransport?.authorization).toBe(fromClient?.authorization);
  });

  it('refuses a node whose certificate no configured authority signed, from both', async () => {
    const connection = elasticsearchConnection({ ELASTICSEARCH_URL: node.url });
    const client = createElasticsearchClient(connection);
    const transport = new UndiciSearchTransport(connection);
    closers.push(
      () => client.close(),
      () => transport.close(),
    );

    await expect(client.search({ index: 'events' })).rejects.toThrow(/certificate/i);
    await expect(transport.post('/events/_search', '{}')).rejects.toThrow(/certificate/i);
    expect(node.seen).toHaveLength(0);
  });
});

describe('Elasticsearch access settings', () => {
  it('refuses credentials given twice, naming both sources', () => {
    expect(() =>
      loadConfig({
        ELASTICSEARCH_URL: 'http://user:pw@127.0.0.1:9200',
        ELASTICSEARCH_API_KEY: 'a2V5',
      }),
    ).toThrow(
      new ConfigError(
        'invalid configuration: Elasticsearch credentials set twice (ELASTICSEARCH_API_KEY, user info in ELASTICSEARCH_URL)',
      ),
    );
  });

  it('refuses a password without a user, and a CA file that does not exist', () => {
    expect(() => loadConfig({ ELASTICSEARCH_PASSWORD: 'secret' })).toThrow(
      /ELASTICSEARCH_PASSWORD is set without/,
    );
    expect(() => loadConfig({ ELASTICSEARCH_CA_FILE: '/nonexistent/ca.pem' })).toThrow(
      /ELASTICSEARCH_CA_FILE: no file at \/nonexistent\/ca.pem/,
    );
  });
});
