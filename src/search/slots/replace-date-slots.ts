import type { Client } from '@elastic/elasticsearch';
import type { PartnerSlot } from '../../domain/partner-slot';
import { bulkWrite } from '../bulk-write';
import type { IndexNames } from '../index-names';
import { claimDate } from './claim-date';
import { slotDocumentId, toSlotDocument, type SlotDocument } from './slot-document';
import { storedDateSlots, type StoredSlot } from './stored-date-slots';

/** One partner answer for a product on a date, and the run that fetched it. */
export interface DateSlotsAnswer {
  providerId: string;
  productId: string;
  /** `YYYY-MM-DD`: the date asked for. */
  date: string;
  /** The answer's valid slots (parseAvailabilityAnswer). */
  slots: PartnerSlot[];
  /** When the answer was fetched: the external version of every write it makes. */
  fetchedAt: string;
  runId: string;
}

/** What an answer did to its date's slots. */
export interface DateSlotsCounts {
  new: number;
  changed: number;
  unchanged: number;
  /** Stored available slots the answer no longer lists, now `available: false`. */
  unavailable: number;
  /** Slots of an answer older than one already applied to the date, or that a newer answer has written. */
  superseded: number;
}

type WriteKind = 'new' | 'changed' | 'unavailable';
interface SlotWrite {
  id: string;
  kind: WriteKind;
  document: SlotDocument;
}

/**
 * Makes the index hold what one answer says of its (product, date): new and changed slots are written,
 * stored ones it no longer lists are marked unavailable with their last values, unchanged ones are left
 * alone. Order-safe: an answer older than one already applied to its date writes nothing, and each write
 * carries the answer's fetch time as external version, so a concurrent older answer never overwrites a
 * newer one's slot. Idempotent: the same call again writes nothing.
 */
export async function replaceDateSlots(
  client: Client,
  names: IndexNames,
  answer: DateSlotsAnswer,
): Promise<DateSlotsCounts> {
  const counts: DateSlotsCounts = { new: 0, changed: 0, unchanged: 0, unavailable: 0, superseded: 0 };
  if (!(await claimDate(client, names, answer))) return { ...counts, superseded: answer.slots.length };
  const stored = await storedDateSlots(client, names, answer);
  const writes = [...listedWrites(answer, stored, counts), ...unlistedWrites(answer, stored, counts)];
  const version = Date.parse(answer.fetchedAt);
  const refused = await bulkWrite(
    client,
    writes.flatMap(({ id, document }) => [
      { index: { _index: names.slots, _id: id, version, version_type: 'external' } },
      document,
    ]),
  );
  writes.forEach(({ kind }, i) => (counts[refused.has(i) ? 'superseded' : kind] += 1));
  return counts;
}

/** Writes for the slots the answer lists; those that need none are counted in `counts` as they are. */
function listedWrites(
  answer: DateSlotsAnswer,
  stored: Map<string, StoredSlot>,
  counts: DateSlotsCounts,
): SlotWrite[] {
  const version = Date.parse(answer.fetchedAt);
  return answer.slots.flatMap((slot): SlotWrite[] => {
    const id = slotDocumentId(answer.providerId, answer.productId, answer.date, slot.providerSlotId);
    const before = stored.get(id);
    if (before && before.version > version) counts.superseded += 1;
    else if (before && writtenByThisAnswer(before, answer))
      counts[before.document.first_seen_at === answer.fetchedAt ? 'new' : 'changed'] += 1;
    else if (before?.document.available && before.document.content_hash === slot.contentHash)
      counts.unchanged += 1;
    else return [{ id, kind: before ? 'changed' : 'new', document: listed(slot, before, answer) }];
    return [];
  });
}

/** Writes that mark unavailable the stored available slots the answer does not list. */
function unlistedWrites(
  answer: DateSlotsAnswer,
  stored: Map<string, StoredSlot>,
  counts: DateSlotsCounts,
): SlotWrite[] {
  const version = Date.parse(answer.fetchedAt);
  const listedIds = new Set(
    answer.slots.map((s) =>
      slotDocumentId(answer.providerId, answer.productId, answer.date, s.providerSlotId),
    ),
  );
  const writes: SlotWrite[] = [];
  for (const [id, before] of stored) {
    if (listedIds.has(id)) continue;
    if (!before.document.available) {
      if (writtenByThisAnswer(before, answer)) counts.unavailable += 1;
    } else if (before.version > version) counts.superseded += 1;
    else writes.push({ id, kind: 'unavailable', document: unlisted(before.document, answer) });
  }
  return writes;
}

// A retried call finds what its first attempt wrote: counted as that attempt did, never written twice.
function writtenByThisAnswer(before: StoredSlot, answer: DateSlotsAnswer): boolean {
  return before.version === Date.parse(answer.fetchedAt) && before.document.run_id === answer.runId;
}

function listed(slot: PartnerSlot, before: StoredSlot | undefined, answer: DateSlotsAnswer): SlotDocument {
  return toSlotDocument(slot, {
    fetchedAt: answer.fetchedAt,
    runId: answer.runId,
    firstSeenAt: before?.document.first_seen_at ?? answer.fetchedAt,
  });
}

function unlisted(document: SlotDocument, answer: DateSlotsAnswer): SlotDocument {
  return { ...document, available: false, synced_at: answer.fetchedAt, run_id: answer.runId };
}
