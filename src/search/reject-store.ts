import type { Client } from '@elastic/elasticsearch';
import type { EventReject } from '../domain/event';
import { bulkWrite } from './bulk-write';
import type { IndexNames } from './index-names';

/** The rejected-events index: why an event of a feed was refused, where, and a raw snippet. */
export class RejectStore {
  constructor(
    private readonly client: Client,
    private readonly names: IndexNames,
  ) {}

  /** Records a run's rejects; ids derive from run and position, so a retried run writes each once. */
  async save(runId: string, rejects: EventReject[]): Promise<void> {
    const rejectedAt = new Date().toISOString();
    const operations = rejects.flatMap((reject) => [
      {
        index: {
          _index: this.names.rejects,
          _id: `${runId}:${reject.position.line}:${reject.position.column}`,
        },
      },
      {
        run_id: runId,
        provider_id: reject.providerId,
        base_event_id: reject.baseEventId,
        event_id: reject.eventId,
        reason: reject.reason,
        line: reject.position.line,
        column: reject.position.column,
        snippet: reject.snippet,
        rejected_at: rejectedAt,
      },
    ]);
    await bulkWrite(this.client, operations);
  }
}
