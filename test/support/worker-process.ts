import path from 'node:path';
import { startProcess, type ManagedProcess } from '../../scripts/stack/managed-process';
import type { Config } from '../../src/config';
import { configEnv } from './config-env';

const root = path.resolve(__dirname, '../..');

/** Runs `src/worker.ts` as a real child process (so a test can SIGKILL it), logging to `logFile`. */
export function startWorkerProcess(config: Config, logFile: string): ManagedProcess {
  return startProcess({
    name: 'worker',
    command: process.execPath,
    args: ['--import', 'tsx', path.join(root, 'src/worker.ts')],
    cwd: root,
    env: { ...process.env, ...configEnv(config) },
    logFile,
  });
}
