import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { CLONE_ID, CLONE_ID_FILE, OWNER_FILE, PID_FILE } from './elasticsearch-data-dir';

/**
 * Removes the per-clone folders of `stateDir` whose data folder is gone or has a new clone id (it was
 * deleted to start from scratch), unless the stack that last used them still runs. Folders this code
 * did not make (no clone id name or no owner file) are left alone. Returns the removed folders.
 */
export function pruneCloneFolders(stateDir: string): string[] {
  const removed: string[] = [];
  for (const name of readdirOrEmpty(stateDir)) {
    const folder = path.join(stateDir, name);
    if (CLONE_ID.test(name) && canGo(folder, name)) {
      rmSync(folder, { recursive: true, force: true });
      removed.push(folder);
    }
  }
  return removed;
}

/** A folder that cannot be judged (an unreadable owner, say) is kept. */
function canGo(folder: string, id: string): boolean {
  try {
    return isOrphaned(folder, id) && !stackRuns(folder);
  } catch {
    return false;
  }
}

function isOrphaned(folder: string, id: string): boolean {
  const owner = readOrNull(path.join(folder, OWNER_FILE));
  if (owner === null || !path.isAbsolute(owner)) return false;
  const ownerId = readOrNull(path.join(owner, CLONE_ID_FILE));
  return ownerId !== id;
}

function stackRuns(folder: string): boolean {
  const pid = Number(readOrNull(path.join(folder, PID_FILE)));
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The trimmed content of a file, or null when it or a folder on its path does not exist. */
function readOrNull(file: string): string | null {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

function readdirOrEmpty(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch (error) {
    if (isMissing(error)) return [];
    throw error;
  }
}
