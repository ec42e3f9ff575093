import { access, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { ApplicationFailure } from '@temporalio/activity';
import { SyncFailureType } from '../domain/sync-failure-types';

/** Folder of one run's staging files on the worker that runs it. */
export function runStagingDir(stagingDir: string, providerId: string, runId: string): string {
  return path.join(stagingDir, providerId, encodeURIComponent(runId));
}

/**
 * Removes the staging folders of the provider's other runs that have ended (a run that failed on another
 * worker never came back to clean up). A run still open keeps its folder, whatever else runs beside it.
 */
export async function removeEndedRuns(
  stagingDir: string,
  providerId: string,
  keepRunId: string,
  isRunOpen: (runId: string) => Promise<boolean>,
): Promise<void> {
  const providerDir = path.join(stagingDir, providerId);
  const entries = await readdir(providerDir).catch(() => [] as string[]);
  const keep = encodeURIComponent(keepRunId);
  await Promise.all(
    entries
      .filter((entry) => entry !== keep)
      .map(async (entry) => {
        if (await isRunOpen(decodeURIComponent(entry))) return;
        await rm(path.join(providerDir, entry), { recursive: true, force: true });
      }),
  );
}

/**
 * Fails non-retryably when a step's staged inputs are gone (a cleared disk, a replaced worker with the same
 * queue): retrying would meet the same missing file, so the workflow starts the run over from fetchFeed.
 */
export async function requireStagedFiles(step: string, files: string[]): Promise<void> {
  for (const file of files) {
    try {
      await access(file);
    } catch {
      throw ApplicationFailure.create({
        type: SyncFailureType.StagedFilesMissing,
        message: `${step}: staged file ${file} is missing; the run starts over from fetchFeed`,
        nonRetryable: true,
      });
    }
  }
}
