import path from 'node:path';
import { startProcess, type ManagedProcess } from '../../scripts/stack/managed-process';
import type { Config } from '../../src/config';
import { childEnv } from './child-env';
import { configEnv } from './config-env';

const root = path.resolve(__dirname, '../..');

/**
 * Runs `src/worker.ts` as a real child process (so a test can SIGKILL it), logging to `logFile`. Its
 * environment is `config` (and `extraEnv`) and nothing of the caller's: `loadConfig()` in the child
 * returns `config`.
 */
export function startWorkerProcess(
  config: Config,
  logFile: string,
  /** Variables beside the configuration, such as the secrets the providers file names. */
  extraEnv: Record<string, string> = {},
): ManagedProcess {
  return startProcess({
    name: 'worker',
    command: process.execPath,
    args: ['--import', 'tsx', path.join(root, 'src/worker.ts')],
    cwd: root,
    env: childEnv({ ...configEnv(config), ...extraEnv }),
    logFile,
  });
}
