import { ServiceError } from '@temporalio/client';

// gRPC status the Temporal service answers an Update with when the workflow task carrying it failed.
const GRPC_FAILED_PRECONDITION = 9;
const ATTEMPTS = 3;

/**
 * Sends an Update again when the workflow task that carried it failed: a zone's workflow continuing as new
 * while the Update arrived makes the server fail that task and the Update with it. The Update id makes the
 * repeat safe (it is deduplicated, and a hold's key is remembered across runs).
 */
export async function retryInterruptedUpdate<T>(send: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      if (attempt >= ATTEMPTS || !interrupted(error)) throw error;
    }
  }
}

function interrupted(error: unknown): boolean {
  const code = (error as { cause?: { code?: unknown } }).cause?.code;
  return error instanceof ServiceError && code === GRPC_FAILED_PRECONDITION;
}
