import type { Client, estypes } from '@elastic/elasticsearch';
import type { PartnerRunCounts, RunRecord, RunSummary } from '../domain/run-summary';
import type { IndexNames } from './index-names';

interface SyncRunDocument {
  run_id: string;
  workflow_id: string;
  provider_id: string;
  outcome: RunSummary['outcome'];
  started_at: string;
  finished_at: string | null;
  duration_ms: number | null;
  bytes: number | null;
  sha256: string | null;
  counts: RunSummary['counts'] & { superseded: number };
  error: string | null;
  error_type: string | null;
  /** Absent in runs recorded before scopes: those synced a whole feed. */
  scope?: string;
  partner?: PartnerRunDocument | null;
}

interface PartnerRunDocument {
  pairs: number;
  skipped: number;
  requests: number;
  rate_limited: number;
  failed: number;
  failures: { product_id: string; date: string; error: string }[];
}

/** The sync-runs index: one document per run, written when the run ends. */
export class SyncRunStore {
  constructor(
    private readonly client: Client,
    private readonly names: IndexNames,
  ) {}

  async save(run: RunRecord): Promise<void> {
    const document: SyncRunDocument = {
      run_id: run.runId,
      workflow_id: run.workflowId,
      provider_id: run.providerId,
      outcome: run.outcome,
      started_at: run.startedAt,
      finished_at: run.finishedAt,
      duration_ms: run.durationMs,
      bytes: run.bytes,
      sha256: run.sha256,
      counts: { ...run.counts, superseded: run.superseded },
      error: run.error,
      error_type: run.errorType,
      scope: run.scope,
      partner: run.partner && partnerDocument(run.partner),
    };
    await this.client.index({ index: this.names.syncRuns, id: run.runId, document, refresh: true });
  }

  async find(runId: string): Promise<RunSummary | null> {
    const response = await this.client.get<SyncRunDocument>(
      { index: this.names.syncRuns, id: runId },
      { ignore: [404] },
    );
    return response._source ? toSummary(response._source) : null;
  }

  /** Most recent runs first, optionally of one provider. */
  async recent(providerId: string | undefined, limit: number): Promise<RunSummary[]> {
    const query: estypes.QueryDslQueryContainer = providerId
      ? { term: { provider_id: providerId } }
      : { match_all: {} };
    const response = await this.client.search<SyncRunDocument>({
      index: this.names.syncRuns,
      size: limit,
      query,
      sort: [{ started_at: 'desc' }],
    });
    return response.hits.hits.flatMap((hit) => (hit._source ? [toSummary(hit._source)] : []));
  }
}

function toSummary(doc: SyncRunDocument): RunSummary {
  const { superseded: _superseded, ...counts } = doc.counts;
  return {
    runId: doc.run_id,
    workflowId: doc.workflow_id,
    providerId: doc.provider_id,
    outcome: doc.outcome,
    startedAt: doc.started_at,
    finishedAt: doc.finished_at,
    durationMs: doc.duration_ms,
    bytes: doc.bytes,
    counts,
    error: doc.error,
    scope: doc.scope ?? 'feed',
    partner: doc.partner ? partnerCounts(doc.partner) : null,
  };
}

function partnerDocument(counts: PartnerRunCounts): PartnerRunDocument {
  return {
    pairs: counts.pairs,
    skipped: counts.skipped,
    requests: counts.requests,
    rate_limited: counts.rateLimited,
    failed: counts.failed,
    failures: counts.failures.map((f) => ({ product_id: f.productId, date: f.date, error: f.error })),
  };
}

function partnerCounts(doc: PartnerRunDocument): PartnerRunCounts {
  return {
    pairs: doc.pairs,
    skipped: doc.skipped,
    requests: doc.requests,
    rateLimited: doc.rate_limited,
    failed: doc.failed,
    failures: doc.failures.map((f) => ({ productId: f.product_id, date: f.date, error: f.error })),
  };
}
