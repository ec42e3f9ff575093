import type { PartnerSlot } from '../../domain/partner-slot';
import type { SlotReject } from '../../domain/slot-reject';
import { MalformedAnswerError } from './malformed-answer-error';
import { validateSlot, type AnswerRequest } from './validate-slot';

/** An answer read: its valid slots in the partner's order, and the slots refused with their reasons. */
export interface ParsedAnswer {
  slots: PartnerSlot[];
  rejects: SlotReject[];
}

// A slot with many bad pax types still gets a reason an operator can read.
const MAX_REASONS = 5;
/** Longest snippet kept with a reject: enough to see the problem, small enough for an ops index. */
export const MAX_SLOT_SNIPPET_CHARS = 1024;

/**
 * Reads a partner's answer to `GET /inventory/{productId}?date=`: a JSON array of slots, each validated on
 * its own, so one bad slot never costs the others. A repeated `providerSlotId` keeps its first slot.
 * Throws {@link MalformedAnswerError} when the body is not JSON or not an array.
 */
export function parseAvailabilityAnswer(body: string, request: AnswerRequest): ParsedAnswer {
  const answer = readJsonArray(body);
  const parsed: ParsedAnswer = { slots: [], rejects: [] };
  const firstIndex = new Map<string, number>();
  answer.forEach((raw, index) => {
    const id = slotIdOf(raw);
    const first = id === null ? undefined : firstIndex.get(id);
    if (id !== null && first === undefined) firstIndex.set(id, index);
    const outcome = validateSlot(raw, request);
    // A repeat is refused even when valid, with its own problems too, so ops see what else was wrong.
    const issues = outcome.kind === 'reject' ? outcome.issues : [];
    if (first !== undefined) issues.unshift(`providerSlotId: ${id} repeats the slot at [${first}]`);
    if (outcome.kind === 'slot' && first === undefined) parsed.slots.push(outcome.slot);
    else parsed.rejects.push(slotReject(raw, index, issues, request));
  });
  return parsed;
}

function readJsonArray(body: string): unknown[] {
  let answer: unknown;
  try {
    // A byte order mark is no JSON token, but some servers send one.
    answer = JSON.parse(body.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new MalformedAnswerError(`not JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(answer))
    throw new MalformedAnswerError(`not an array of slots but ${answer === null ? 'null' : typeof answer}`);
  return answer;
}

function slotIdOf(raw: unknown): string | null {
  const id = (raw as { providerSlotId?: unknown } | null)?.providerSlotId;
  return typeof id === 'string' && id !== '' ? id : null;
}

function slotReject(raw: unknown, index: number, issues: string[], request: AnswerRequest): SlotReject {
  const more = issues.length - MAX_REASONS;
  return {
    providerId: request.providerId,
    productId: request.productId,
    date: request.date,
    providerSlotId: slotIdOf(raw),
    index,
    reason: issues.slice(0, MAX_REASONS).join('; ') + (more > 0 ? `; and ${more} more` : ''),
    snippet: snippetOf(raw),
  };
}

function snippetOf(raw: unknown): string {
  const text = JSON.stringify(raw) ?? String(raw);
  return text.length > MAX_SLOT_SNIPPET_CHARS ? `${text.slice(0, MAX_SLOT_SNIPPET_CHARS - 1)}…` : text;
}
