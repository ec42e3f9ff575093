import type { Client } from '@elastic/elasticsearch';
import type { EventReject } from '../domain/event';
import type { SlotReject } from '../domain/slot-reject';
import { bulkWrite } from './bulk-write';
import type { IndexNames } from './index-names';

/** The rejects index: why an event of a feed or a slot of a partner's answer was refused, and a snippet. */
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

  /** Records the slots a partner's answer had rejected; ids derive from run, pair and position. */
  async saveSlots(runId: string, rejects: SlotReject[]): Promise<void> {
    const rejectedAt = new Date().toISOString();
    const operations = rejects.flatMap((reject) => [
      {
        index: {
          _index: this.names.rejects,
          _id: `${runId}:${reject.productId}:${reject.date}:${reject.index}`,
        },
      },
      {
        run_id: runId,
        provider_id: reject.providerId,
        product_id: reject.productId,
        date: reject.date,
        provider_slot_id: reject.providerSlotId,
        reason: reject.reason,
        snippet: reject.snippet,
        rejected_at: rejectedAt,
      },
    ]);
    await bulkWrite(this.client, operations);
  }
}
