import { statSync } from 'node:fs';
import path from 'node:path';

/**
 * The first of `dir`'s parents that other users cannot search (no `o+x`), or null when a process
 * running as another user (Elasticsearch as `nobody` under root) can reach `dir`.
 */
export function unsearchableFolder(dir: string): string | null {
  const resolved = path.resolve(dir);
  for (let current = path.dirname(resolved); ; current = path.dirname(current)) {
    if ((statSync(current).mode & 0o001) === 0) return current;
    if (current === path.dirname(current)) return null;
  }
}
