import { TestWorkflowEnvironment } from '@temporalio/testing';
import { ensureTemporalTestServer } from '../../scripts/stack/ensure-temporal-test-server';

/**
 * The SDK gives the server 5 s to answer after starting it: a JVM on a machine busy with other test runs
 * can miss that once, and then starts warm.
 */
export async function startTimeSkippingServer(): Promise<TestWorkflowEnvironment> {
  const launcher = await ensureTemporalTestServer((line) => process.stdout.write(`${line}\n`));
  const start = () =>
    TestWorkflowEnvironment.createTimeSkipping({
      server: { executable: { type: 'existing-path', path: launcher } },
    });
  return start().catch((error: Error) => {
    process.stdout.write(
      `the time-skipping server (${launcher}) did not start in time, once more: ${error.message}\n`,
    );
    return start();
  });
}
