import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * Path of a data file under `src/api/` (the contract, its extensions) whether the code runs from source
 * (tsx, jest) or from `dist/src/api/`, where tsc copies no YAML.
 */
export function apiSourceFile(relative: string): string {
  const candidates = [path.join(__dirname, relative), path.resolve(__dirname, '../../../src/api', relative)];
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) throw new Error(`cannot find src/api/${relative} (looked in ${candidates.join(', ')})`);
  return found;
}
