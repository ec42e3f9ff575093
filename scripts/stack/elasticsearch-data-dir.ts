import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { unsearchableFolder } from './unsearchable-folder';

/** Where a stack's Elasticsearch node keeps its data and logs. */
export interface ElasticsearchDataDir {
  dir: string;
  /** When `dir` is outside the data folder: the folder `nobody` cannot search on the way to it. */
  unreachable: string | null;
}

/** Name of the file in the data folder holding its id, which names its folder in the state directory. */
export const CLONE_ID_FILE = 'clone-id';
/** A clone id: 16 lowercase hex digits. */
export const CLONE_ID = /^[0-9a-f]{16}$/;
/** Files of a per-clone folder: the data folder it belongs to, and the PID of the stack using it. */
export const OWNER_FILE = 'owner';
export const PID_FILE = 'stack.pid';

/**
 * `<dataDir>/elasticsearch`, unless this process runs as root and `nobody` (who runs Elasticsearch
 * there) cannot reach it: then `<stateDir>/<clone id>/elasticsearch`, with root-owned parents anyone can
 * search. The clone id is random and kept in the data folder, so a deleted data folder gets a fresh node.
 */
export function elasticsearchDataDir(options: {
  dataDir: string;
  runningAsRoot: boolean;
  stateDir: string;
  /** PID of the stack that is about to use the folder; a folder in use is never pruned. */
  pid: number;
}): ElasticsearchDataDir {
  const inDataDir = path.join(options.dataDir, 'elasticsearch');
  mkdirSync(options.dataDir, { recursive: true });
  const unreachable = options.runningAsRoot ? unsearchableFolder(inDataDir) : null;
  if (unreachable === null) return { dir: inDataDir, unreachable: null };

  const cloneFolder = path.join(options.stateDir, cloneId(options.dataDir));
  makeSearchableFolder(options.stateDir);
  makeSearchableFolder(cloneFolder);
  writeFileSync(path.join(cloneFolder, OWNER_FILE), `${path.resolve(options.dataDir)}\n`);
  writeFileSync(path.join(cloneFolder, PID_FILE), `${options.pid}\n`);
  return { dir: path.join(cloneFolder, 'elasticsearch'), unreachable };
}

function cloneId(dataDir: string): string {
  const file = path.join(dataDir, CLONE_ID_FILE);
  if (!existsSync(file)) writeFileSync(file, `${randomBytes(8).toString('hex')}\n`);
  const id = readFileSync(file, 'utf8').trim();
  if (!CLONE_ID.test(id))
    throw new Error(`${file} holds no clone id (16 hex digits); delete it to get a new one`);
  return id;
}

/** mkdir then chmod: the mode given to mkdir is masked by the umask (often 077 for root). */
function makeSearchableFolder(dir: string): void {
  if (existsSync(dir)) return;
  mkdirSync(dir, { recursive: true });
  chmodSync(dir, 0o755);
}
