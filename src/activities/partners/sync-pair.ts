import { createHash } from 'node:crypto';
import type { Client } from '@elastic/elasticsearch';
import { ApplicationFailure } from '@temporalio/activity';
import type { Logger } from 'pino';
import { SyncFailureType } from '../../domain/sync-failure-types';
import type { AvailabilityJsonSettings } from '../../providers/availability-json/availability-json-settings';
import { MalformedAnswerError } from '../../providers/availability-json/malformed-answer-error';
import { parseAvailabilityAnswer } from '../../providers/availability-json/parse-availability-answer';
import { requestAvailability } from '../../providers/availability-json/request-availability';
import type { IndexNames } from '../../search/index-names';
import { pairKey, type PartnerStateStore } from '../../search/partner-state-store';
import type { RejectStore } from '../../search/reject-store';
import { replaceDateSlots } from '../../search/slots/replace-date-slots';
import type { PairRequest, PairResult } from './partner-sync-types';

/** What one pair's request needs. */
export interface PairDeps {
  pairs: PartnerStateStore;
  rejects: RejectStore;
  elasticsearch: Client;
  indices: IndexNames;
  logger: Logger;
  now: () => number;
}

/**
 * One request for a product's date (attempt `attempt` of the activity), and its answer into the slots
 * index. Before asking, honours the partner's cool-down (a 429 any worker got); a 429 starts one for
 * everybody. A failure carries in its details how many requests the pair's attempts made.
 */
export async function syncPair(
  deps: PairDeps,
  provider: AvailabilityJsonSettings,
  request: PairRequest,
  attempt: number,
): Promise<PairResult> {
  // Attempts that failed before this one each made a request; this one has not yet.
  let requests = attempt - 1;
  try {
    const coolingUntil = await deps.pairs.coolDownUntil(provider.id);
    if (coolingUntil > deps.now())
      return { outcome: 'cooling-down', until: coolingUntil, rateLimited: false, requests };
    requests += 1;
    const answer = await requestAvailability(provider, request.productId, request.date, deps.now);
    if (answer.status === 'ok') return await storeAnswer(deps, provider, request, answer, requests);
    await deps.pairs.coolDown(provider.id, answer.retryAt);
    deps.logger.warn(
      { providerId: provider.id, until: new Date(answer.retryAt).toISOString() },
      'partner answered 429; every request waits for its reset',
    );
    return { outcome: 'cooling-down', until: answer.retryAt, rateLimited: true, requests };
  } catch (error) {
    throw countedFailure(error, requests);
  }
}

async function storeAnswer(
  deps: PairDeps,
  provider: AvailabilityJsonSettings,
  request: PairRequest,
  answer: { body: string; fetchedAt: string },
  requests: number,
): Promise<PairResult> {
  const state = { lastFetchedAt: answer.fetchedAt, lastSha256: sha256(answer.body) };
  const known = (await deps.pairs.readPairs(provider.id, [request])).get(
    pairKey(request.productId, request.date),
  );
  let result: PairResult = {
    outcome: 'synced',
    unchanged: true,
    slots: { new: 0, changed: 0, unchanged: 0, unavailable: 0 },
    rejected: 0,
    requests,
  };
  if (known?.lastSha256 !== state.lastSha256) {
    const parsed = parseAnswer(provider, request, answer.body);
    if (parsed.rejects.length > 0) await deps.rejects.saveSlots(request.runId, parsed.rejects);
    const slots = await replaceDateSlots(deps.elasticsearch, deps.indices, {
      providerId: provider.id,
      productId: request.productId,
      date: request.date,
      slots: parsed.slots,
      fetchedAt: answer.fetchedAt,
      runId: request.runId,
    });
    result = { ...result, unchanged: false, slots, rejected: parsed.rejects.length };
  }
  await deps.pairs.recordPair(provider.id, request.productId, request.date, state);
  return result;
}

function parseAnswer(provider: AvailabilityJsonSettings, request: PairRequest, body: string) {
  try {
    return parseAvailabilityAnswer(body, {
      ...request,
      providerId: provider.id,
      timeZone: provider.timeZone,
    });
  } catch (error) {
    if (!(error instanceof MalformedAnswerError)) throw error;
    throw ApplicationFailure.create({
      type: SyncFailureType.MalformedAnswer,
      message: `provider ${provider.id} answered ${request.productId} on ${request.date} with ${error.message}`,
      nonRetryable: true,
    });
  }
}

/** The failure as Temporal should see it, with the requests the pair made so far in its details. */
function countedFailure(error: unknown, requests: number): ApplicationFailure {
  const failure = error instanceof ApplicationFailure ? error : null;
  return ApplicationFailure.create({
    type: failure?.type ?? (error as Error).name,
    message: (error as Error).message,
    nonRetryable: failure?.nonRetryable ?? false,
    nextRetryDelay: failure?.nextRetryDelay ?? undefined,
    details: [{ requests }],
  });
}

function sha256(body: string): string {
  return createHash('sha256').update(body).digest('hex');
}
