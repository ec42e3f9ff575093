import { Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time';
import { waitFor } from './wait-for';

/** Registers `namespace` on the Temporal server at `address` and resolves once the namespace answers. */
export async function registerNamespace(address: string, namespace: string): Promise<void> {
  const connection = await Connection.connect({ address });
  try {
    await connection.workflowService.registerNamespace({
      namespace,
      workflowExecutionRetentionPeriod: msToTs('1 day'),
    });
    // Registration is asynchronous on the server side.
    await waitFor(
      `namespace ${namespace} on ${address}`,
      () => connection.workflowService.describeNamespace({ namespace }),
      { timeoutMs: 30_000, intervalMs: 200 },
    );
  } finally {
    await connection.close();
  }
}
