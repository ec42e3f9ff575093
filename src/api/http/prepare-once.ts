import { prepareBody } from './prepared-body';
import type { PreparedBody } from './prepared-body';

/** Prepares a body on first use and keeps it: for static responses (the OpenAPI document, Swagger UI files). */
export function prepareOnce(load: () => Buffer, contentType: string): () => Promise<PreparedBody> {
  let prepared: Promise<PreparedBody> | undefined;
  return () => {
    prepared ??= Promise.resolve()
      .then(() => prepareBody(load(), contentType))
      .catch((err: unknown) => {
        prepared = undefined;
        throw err;
      });
    return prepared;
  };
}
