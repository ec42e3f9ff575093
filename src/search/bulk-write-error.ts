/** Thrown when Elasticsearch refuses a document of a bulk request for a reason other than a version conflict. */
export class BulkWriteError extends Error {
  override name = 'BulkWriteError';

  constructor(
    readonly status: number,
    reason: string,
  ) {
    super(`bulk write refused (${status}): ${reason}`);
  }
}
