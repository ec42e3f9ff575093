import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The folder of sample responses, `src/simulator/samples` under the project root. Resolved from the
 * root rather than __dirname because `tsc` does not copy .xml files to dist/.
 */
export function resolveSamplesDir(from: string = __dirname): string {
  let dir = path.resolve(from);
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${from}: cannot locate the simulator samples`);
    dir = parent;
  }
  return path.join(dir, 'src', 'simulator', 'samples');
}
