import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/** sha256 hex of a file, streamed. */
export async function fileSha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Throws unless the file's sha256 is the pinned one. */
export async function verifySha256(file: string, expected: string): Promise<void> {
  const actual = await fileSha256(file);
  if (actual !== expected) {
    throw new Error(`integrity check failed for ${file}: sha256 ${actual}, expected ${expected}`);
  }
}
