import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/**
 * Builds `target` in a private temporary folder next to it and renames it into place, so an
 * interrupted download never leaves a half-installed server and two concurrent installs do not clash.
 */
export async function installIntoCache(
  target: string,
  build: (workDir: string) => Promise<void>,
): Promise<void> {
  if (existsSync(target)) return;
  await mkdir(path.dirname(target), { recursive: true });
  const workDir = await mkdtemp(`${target}.partial-`);
  try {
    await build(workDir);
    // mkdtemp makes the folder private; servers run as other users must be able to read it.
    await chmod(workDir, 0o755);
    await rename(workDir, target).catch((error: NodeJS.ErrnoException) => {
      if (!existsSync(target)) throw error;
    });
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}
