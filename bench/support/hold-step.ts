import type { OpenLoopRate, OpenLoopSample } from './open-loop';
import type { StepCpu } from './step-cpu';

/** One open-loop run of holds at a constant rate, summarized. */
export interface HoldStep {
  ratePerS: number;
  durationS: number;
  sent: number;
  /** Latencies of every answer (503s included), from each request's planned send time. */
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  /** 201s per second of the run. */
  heldPerS: number;
  /** Answers by status and error code, e.g. `201`, `503 zone_busy`, `0 timeout`. */
  answers: Record<string, number>;
  /** Share of answers that were 503 zone_busy (the API's per-zone queue was full). */
  zoneBusyShare: number;
  /** 5xx other than 503 zone_busy, and requests that got no answer. */
  failures: number;
  maxSendLagMs: number;
  /** p95 within the knee's limit and no failures. */
  sustained: boolean;
  cpu: StepCpu;
}

/** Highest p95 (ms) at which a rate still counts as sustained. */
export const KNEE_P95_LIMIT_MS = 1000;

/** Summarizes one step's samples against the knee's criteria. */
export function summarizeHoldStep(rate: OpenLoopRate, samples: OpenLoopSample[], cpu: StepCpu): HoldStep {
  const latencies = samples.map((s) => s.latencyMs).sort((a, b) => a - b);
  const answers: Record<string, number> = {};
  for (const s of samples) {
    const label = s.code && s.status !== 201 ? `${s.status} ${s.code}` : String(s.status);
    answers[label] = (answers[label] ?? 0) + 1;
  }
  const zoneBusy = samples.filter((s) => s.status === 503 && s.code === 'zone_busy').length;
  const failures = samples.filter(
    (s) => s.status === 0 || (s.status >= 500 && !(s.status === 503 && s.code === 'zone_busy')),
  ).length;
  const p95Ms = percentile(latencies, 95);
  return {
    ratePerS: rate.perS,
    durationS: rate.durationS,
    sent: samples.length,
    p50Ms: percentile(latencies, 50),
    p95Ms,
    p99Ms: percentile(latencies, 99),
    maxMs: latencies[latencies.length - 1] ?? 0,
    heldPerS: samples.filter((s) => s.status === 201).length / rate.durationS,
    answers,
    zoneBusyShare: samples.length ? zoneBusy / samples.length : 0,
    failures,
    maxSendLagMs: Math.max(0, ...samples.map((s) => s.sendLagMs)),
    sustained: p95Ms <= KNEE_P95_LIMIT_MS && failures === 0,
    cpu,
  };
}

/** Nearest-rank percentile of ascending `sorted`. */
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
