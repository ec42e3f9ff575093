import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';

/** Folder of one run's staging files on the worker that runs it. */
export function runStagingDir(stagingDir: string, providerId: string, runId: string): string {
  return path.join(stagingDir, providerId, encodeURIComponent(runId));
}

/** Removes staging folders of the provider's earlier runs (one run per provider at a time). */
export async function removeOtherRuns(
  stagingDir: string,
  providerId: string,
  keepRunId: string,
): Promise<void> {
  const providerDir = path.join(stagingDir, providerId);
  const entries = await readdir(providerDir).catch(() => [] as string[]);
  const keep = encodeURIComponent(keepRunId);
  await Promise.all(
    entries
      .filter((e) => e !== keep)
      .map((e) => rm(path.join(providerDir, e), { recursive: true, force: true })),
  );
}
