import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FetchedFeed, SyncRunRef } from '../../../../src/activities/sync-types';
import { runStagingDir } from '../../../../src/activities/staging-area';

/** A feed of test/fixtures/fever, as a stream for {@link stageFeed}. */
export function fixtureFeed(name: string): Readable {
  return createReadStream(path.resolve(__dirname, '../../../fixtures/fever', name));
}

/** Writes a feed where fetchFeed would have left it for `run`, as if fetched at `fetchedAt`. */
export async function stageFeed(
  stagingDir: string,
  run: SyncRunRef,
  source: AsyncIterable<string | Buffer>,
  fetchedAt: string,
): Promise<FetchedFeed> {
  const file = path.join(runStagingDir(stagingDir, run.providerId, run.runId), 'feed.xml');
  await mkdir(path.dirname(file), { recursive: true });
  await pipeline(Readable.from(source), createWriteStream(file));
  const bytes = await readFile(file);
  return {
    path: file,
    bytes: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    fetchedAt,
    unchanged: false,
  };
}
