import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ensureElasticsearch } from './ensure-elasticsearch';
import { javaHome } from './java-home';
import { startProcess, type ManagedProcess } from './managed-process';
import { runningAsRoot } from './paths';
import { unsearchableFolder } from './unsearchable-folder';
import { waitUntil } from './wait-until';

/** A running single-node Elasticsearch. */
export interface ElasticsearchNode {
  url: string;
  process: ManagedProcess;
}

/**
 * Starts a single Elasticsearch node on loopback with security off and its data in `dataDir`.
 * Elasticsearch refuses to run as root, so under root it runs as `nobody` (setpriv), owning `dataDir`.
 */
export async function startElasticsearchNode(options: {
  dataDir: string;
  httpPort: number;
  transportPort: number;
  heapMb: number;
  log: (line: string) => void;
  timeoutMs?: number;
}): Promise<ElasticsearchNode> {
  const home = await ensureElasticsearch(options.log);
  const java = await javaHome();
  const conf = prepareConfig(home, options.dataDir);
  const settings = {
    'cluster.name': 'event-hub',
    'node.name': 'event-hub-local',
    'path.data': path.join(options.dataDir, 'data'),
    'path.logs': path.join(options.dataDir, 'logs'),
    'network.host': '127.0.0.1',
    'http.port': options.httpPort,
    'transport.port': options.transportPort,
    'discovery.type': 'single-node',
    'xpack.security.enabled': false,
    // A nearly full developer disk must not turn the indices read-only under a running demo.
    'cluster.routing.allocation.disk.threshold_enabled': false,
  };
  const esArgs = Object.entries(settings).flatMap(([key, value]) => ['-E', `${key}=${String(value)}`]);
  if (runningAsRoot) {
    assertReachableByNobody(options.dataDir);
    execFileSync('chown', ['-R', 'nobody:nogroup', options.dataDir]);
  }
  const child = startProcess({
    name: 'elasticsearch',
    command: path.join(home, 'bin', 'elasticsearch'),
    args: esArgs,
    runAs: runningAsRoot ? { user: 'nobody', group: 'nogroup' } : undefined,
    logFile: path.join(options.dataDir, 'elasticsearch.out.log'),
    cwd: options.dataDir,
    env: {
      PATH: process.env.PATH,
      HOME: options.dataDir,
      ES_JAVA_HOME: java,
      ES_PATH_CONF: conf,
      ES_TMPDIR: path.join(options.dataDir, 'tmp'),
      ES_JAVA_OPTS: `-Xms${options.heapMb}m -Xmx${options.heapMb}m`,
    },
  });
  const url = `http://127.0.0.1:${options.httpPort}`;
  await waitUntil(`Elasticsearch on ${url}`, () => clusterIsUp(url), {
    timeoutMs: options.timeoutMs ?? 120_000,
    exited: child.exited,
    logFile: child.logFile,
  });
  return { url, process: child };
}

function assertReachableByNobody(dir: string): void {
  const blocked = unsearchableFolder(dir);
  if (blocked !== null) {
    throw new Error(
      `Elasticsearch runs as 'nobody' under root and cannot reach ${dir}: ${blocked} is not searchable by ` +
        `other users; chmod o+x it or choose a folder outside it`,
    );
  }
}

function prepareConfig(home: string, dataDir: string): string {
  const conf = path.join(dataDir, 'config');
  if (!existsSync(conf)) cpSync(path.join(home, 'config'), conf, { recursive: true });
  for (const dir of ['data', 'logs', 'tmp']) mkdirSync(path.join(dataDir, dir), { recursive: true });
  // Keep GC logs and heap dumps inside the data folder rather than the shared cache.
  writeFileSync(
    path.join(conf, 'jvm.options.d', 'event-hub.options'),
    `-Xlog:disable\n-Xlog:all=warning:stderr\n-XX:HeapDumpPath=${path.join(dataDir, 'logs')}\n`,
  );
  return conf;
}

async function clusterIsUp(url: string): Promise<boolean> {
  const response = await fetch(`${url}/_cluster/health?wait_for_status=yellow&timeout=1s`, {
    signal: AbortSignal.timeout(3000),
  });
  return response.ok;
}
