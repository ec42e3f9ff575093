import { cpSync, mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

/** What running the stack from sources needs; node_modules is linked, not copied. */
const NEEDED = ['package.json', 'tsconfig.json', 'config', 'scripts', 'src'];

/** Copies the project into `target` (made if missing), as a fresh clone would have it, without dist/ or .data/. */
export function copyProject(target: string): void {
  mkdirSync(target, { recursive: true });
  for (const entry of NEEDED) cpSync(path.join(root, entry), path.join(target, entry), { recursive: true });
  symlinkSync(path.join(root, 'node_modules'), path.join(target, 'node_modules'));
}
