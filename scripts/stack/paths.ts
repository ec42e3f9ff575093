import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Root of the checkout: the nearest folder above this file holding package.json (works from dist/ too). */
export const projectRoot = findProjectRoot(__dirname);

function findProjectRoot(start: string): string {
  for (let dir = start; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
  }
  throw new Error(`no package.json above ${start}`);
}

/** True when this process runs as root, where Elasticsearch must run as an unprivileged user. */
export const runningAsRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/**
 * Where downloaded servers are cached, outside the clone so a fresh clone reuses them.
 * Under root it lives outside /root because Elasticsearch runs as `nobody` and must read it.
 */
export function cacheDir(): string {
  if (process.env.EVENT_HUB_CACHE_DIR) return path.resolve(process.env.EVENT_HUB_CACHE_DIR);
  if (runningAsRoot) return '/var/cache/event-hub';
  const base = process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache');
  return path.join(base, 'event-hub');
}

/**
 * Where, under root, Elasticsearch keeps a clone's data and logs when `nobody` cannot reach the clone's
 * data folder (see elasticsearch-data-dir.ts): one folder per clone id.
 */
export const STATE_DIR = '/var/lib/event-hub';
