import Koa from 'koa';

/**
 * The search benchmarks' baselines: what a bare Koa app answers per second on this machine, with a small
 * JSON constant, or (HELLO_BYTES set) with a constant JSON body of that size, as large as a search answer.
 */
const port = Number(process.env.PORT ?? 3999);
const size = Number(process.env.HELLO_BYTES ?? 0);
const padded = (bytes: number) => {
  const shell = '{"data":{"pad":""},"error":null}';
  return Buffer.from(shell.replace('""', `"${'x'.repeat(Math.max(0, bytes - shell.length))}"`));
};
const HELLO = { data: { hello: 'world' }, error: null };
const body = size > 0 ? padded(size) : null;

const app = new Koa();
app.use((ctx) => {
  if (body) {
    ctx.type = 'application/json';
    ctx.body = body;
  } else {
    ctx.body = HELLO;
  }
});
const server = app.listen(port, '127.0.0.1');
server.keepAliveTimeout = 65_000;
process.once('SIGTERM', () => server.close(() => process.exit(0)));
