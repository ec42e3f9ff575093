import path from 'node:path';
import { echoLineFormat } from './echo-line-format';
import { startProcess, type ManagedProcess } from './managed-process';
import { projectRoot } from './paths';
import { WORKER_ENV, WORKER_NODE_FLAGS } from './worker-runtime';

/** The app's entry points under `src/`, by process name. */
const ENTRIES = { simulator: 'simulator/main', worker: 'worker', api: 'server' } as const;

/** Name of an app process the stack starts. */
export type AppName = keyof typeof ENTRIES;

/** Node flags and environment per app process: the worker's memory is capped (see worker-runtime.ts). */
const NODE_FLAGS: Partial<Record<AppName, readonly string[]>> = { worker: WORKER_NODE_FLAGS };
const ENV: Partial<Record<AppName, Readonly<Record<string, string>>>> = { worker: WORKER_ENV };

/** Readable lines on a terminal, the JSON as written otherwise (see echo-line-format.ts). */
const echoFormat = echoLineFormat(process.stdout, process.env);

/**
 * Starts an app process from the build (`dist/src/*.js`), or from the TypeScript sources through tsx
 * when `fromSources` (the stack itself runs from sources: `npm run stack`, the end-to-end test).
 */
export function startAppProcess(options: {
  name: AppName;
  env: NodeJS.ProcessEnv;
  logDir: string;
  fromSources: boolean;
}): ManagedProcess {
  const entry = ENTRIES[options.name];
  const script = options.fromSources
    ? ['--import', 'tsx', path.join(projectRoot, 'src', `${entry}.ts`)]
    : [path.join(projectRoot, 'dist', 'src', `${entry}.js`)];
  return startProcess({
    name: options.name,
    command: process.execPath,
    args: [...(NODE_FLAGS[options.name] ?? []), ...script],
    cwd: projectRoot,
    env: { ...options.env, ...ENV[options.name] },
    logFile: path.join(options.logDir, `${options.name}.log`),
    echo: (line) => process.stdout.write(`${echoFormat(options.name, line)}\n`),
  });
}
