import { createServer } from 'node:http';
import { Pool } from 'undici';

/**
 * The floor of any Node HTTP service in front of Elasticsearch: for every request, it sends one fixed
 * `_search` (ES_PATH, ES_BODY) to ES_URL and answers with Elasticsearch's bytes as they came. No
 * framework, no parsing, no logging: what is left is the extra hop itself, which `/search` without
 * its cache cannot avoid.
 */
const port = Number(process.env.PORT ?? 3998);
const path = process.env.ES_PATH ?? '/_search';
const body = process.env.ES_BODY ?? '{}';
const pool = new Pool(process.env.ES_URL ?? 'http://127.0.0.1:9200', { connections: 256 });
const headers = { 'content-type': 'application/json' };

const server = createServer((_req, res) => {
  pool
    .request({ method: 'POST', path, headers, body })
    .then(async (answer) => {
      const bytes = Buffer.from(await answer.body.arrayBuffer());
      res.writeHead(answer.statusCode, {
        'content-type': 'application/json',
        'content-length': bytes.length,
      });
      res.end(bytes);
    })
    .catch((err: unknown) => {
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(String(err));
    });
});
server.keepAliveTimeout = 65_000;
server.listen(port, '127.0.0.1');
process.once('SIGTERM', () => server.close(() => void pool.close().then(() => process.exit(0))));
