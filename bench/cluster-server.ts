import cluster from 'node:cluster';
import os from 'node:os';
import path from 'node:path';

/**
 * The API with one process per core on one port: the primary forks `os.availableParallelism()` workers,
 * each running the built `dist/src/server.js` (startServer with the same environment); node:cluster
 * hands incoming connections to them in turn.
 */
const workers = Number(process.env.BENCH_CLUSTER_WORKERS) || os.availableParallelism();
let stopping = false;

// Workers run the built server directly, without this script's TypeScript loader.
cluster.setupPrimary({ exec: path.resolve(__dirname, '../dist/src/server.js'), execArgv: [] });
for (let i = 0; i < workers; i++) cluster.fork();

let listening = 0;
cluster.on('listening', () => {
  listening += 1;
  if (listening === workers) console.log(`cluster ready: ${workers} API workers listening`);
});

cluster.on('exit', (worker, code, signal) => {
  if (stopping) {
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
    return;
  }
  console.error(`API worker ${worker.process.pid} exited (${signal ?? code}); stopping the cluster`);
  stop();
});

function stop(): void {
  stopping = true;
  for (const worker of Object.values(cluster.workers ?? {})) worker?.kill('SIGTERM');
  setTimeout(() => process.exit(1), 10_000).unref();
}

process.once('SIGTERM', stop);
process.once('SIGINT', stop);
