import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { elasticsearchConnection } from '../../../src/search/elasticsearch-connection';
import { SearchResponseError, UndiciSearchTransport } from '../../../src/search/search-transport';

/** What the fake node saw of one request. */
interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** A stand-in for an Elasticsearch node: `answer` decides each response, given the request and its number. */
async function fakeNode(
  answer: (res: ServerResponse, seen: Seen, index: number) => void,
): Promise<{ url: string; seen: Seen[]; server: Server }> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString(),
      };
      seen.push(request);
      answer(res, request, seen.length - 1);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, server };
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

describe('UndiciSearchTransport', () => {
  const servers: Server[] = [];
  const transports: UndiciSearchTransport[] = [];

  async function setUp(
    answer: (res: ServerResponse, seen: Seen, index: number) => void,
    urlFor: (url: string) => string = (url) => url,
    options: { requestTimeoutMs?: number } = {},
  ): Promise<{ transport: UndiciSearchTransport; seen: Seen[] }> {
    const node = await fakeNode(answer);
    servers.push(node.server);
    const transport = new UndiciSearchTransport(
      elasticsearchConnection({ ELASTICSEARCH_URL: urlFor(node.url) }, options),
    );
    transports.push(transport);
    return { transport, seen: node.seen };
  }

  afterEach(async () => {
    await Promise.all(transports.splice(0).map((t) => t.close()));
    for (const server of servers.splice(0)) {
      server.closeAllConnections();
      server.close();
    }
  });

  it('posts the body as JSON to the path under the node URL and answers the parsed response', async () => {
    const { transport, seen } = await setUp(
      (res) => json(res, 200, { hits: { hits: [{ sort: [1] }] } }),
      (url) => `${url}/es/`,
    );

    const answer = await transport.post('/events/_search?filter_path=hits', '{"size":1}');

    expect(answer).toEqual({ hits: { hits: [{ sort: [1] }] } });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      method: 'POST',
      url: '/es/events/_search?filter_path=hits',
      body: '{"size":1}',
    });
    expect(seen[0]?.headers['content-type']).toBe('application/json');
    expect(seen[0]?.headers.authorization).toBeUndefined();
  });

  it('sends the credentials of the node URL as basic authentication', async () => {
    const { transport, seen } = await setUp(
      (res) => json(res, 200, {}),
      (url) => url.replace('http://', 'http://search%20user:p%40ss@'),
    );

    await transport.post('/_search', '{}');

    expect(seen[0]?.headers.authorization).toBe(
      `Basic ${Buffer.from('search user:p@ss').toString('base64')}`,
    );
  });

  it("rejects an error status with Elasticsearch's error type and reason", async () => {
    const { transport } = await setUp((res) =>
      json(res, 400, {
        error: { type: 'parse_exception', reason: 'failed to parse date field' },
        status: 400,
      }),
    );

    const failure = transport.post('/_search', '{}');

    await expect(failure).rejects.toBeInstanceOf(SearchResponseError);
    await expect(failure).rejects.toMatchObject({
      statusCode: 400,
      errorType: 'parse_exception',
      message: 'Elasticsearch answered 400 parse_exception: failed to parse date field',
    });
  });

  it('rejects an error page that is not JSON with its text', async () => {
    const { transport } = await setUp((res) => {
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end('bad gateway');
    });

    await expect(transport.post('/_search', '{}')).rejects.toMatchObject({
      statusCode: 502,
      message: 'Elasticsearch answered 502: bad gateway',
    });
  });

  it('sends the search once more when the connection drops before any answer', async () => {
    const { transport, seen } = await setUp((res, _seen, index) => {
      if (index === 0) res.socket?.destroy();
      else json(res, 200, { hits: { hits: [] } });
    });

    await expect(transport.post('/_search', '{"n":1}')).resolves.toEqual({ hits: { hits: [] } });
    expect(seen.map((s) => s.body)).toEqual(['{"n":1}', '{"n":1}']);
  });

  it('gives up after the second dropped connection', async () => {
    const { transport, seen } = await setUp((res) => res.socket?.destroy());

    await expect(transport.post('/_search', '{}')).rejects.toMatchObject({ code: 'UND_ERR_SOCKET' });
    expect(seen).toHaveLength(2);
  });

  it('fails a search that gets no answer within the request timeout, without sending it again', async () => {
    const { transport, seen } = await setUp(() => undefined, undefined, { requestTimeoutMs: 200 });

    await expect(transport.post('/_search', '{}')).rejects.toMatchObject({ code: 'UND_ERR_HEADERS_TIMEOUT' });
    expect(seen).toHaveLength(1);
  });

  it('fails at once when nothing listens at the node URL', async () => {
    const node = await fakeNode(() => undefined);
    node.server.close();
    await once(node.server, 'close');
    const transport = new UndiciSearchTransport(elasticsearchConnection({ ELASTICSEARCH_URL: node.url }));
    transports.push(transport);

    await expect(transport.post('/_search', '{}')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });
});
