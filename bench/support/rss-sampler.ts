import { readFileSync } from 'node:fs';

/** Memory of a process over a stretch of time, in MB. */
export interface RssSample {
  /** Highest VmRSS seen by the polls. */
  peakRssMb: number;
  /** VmHWM at the end: the kernel's peak RSS since the process started (start-up included). */
  hwmMb: number;
  /** VmRSS when sampling started. */
  startRssMb: number;
  /** Every poll: epoch ms and VmRSS in MB, to attribute the peak to a sync phase. */
  timeline: { at: number; rssMb: number }[];
}

/** Polls /proc/<pid>/status every `intervalMs` until stopped. */
export function sampleRss(pid: number, intervalMs = 100): { stop(): RssSample } {
  const first = readStatus(pid);
  const timeline = [{ at: Date.now(), rssMb: mb(first.rssKb) }];
  const timer = setInterval(
    () => timeline.push({ at: Date.now(), rssMb: mb(readStatus(pid).rssKb) }),
    intervalMs,
  );
  return {
    stop() {
      clearInterval(timer);
      const last = readStatus(pid);
      timeline.push({ at: Date.now(), rssMb: mb(last.rssKb) });
      return {
        peakRssMb: Math.max(...timeline.map((s) => s.rssMb)),
        hwmMb: mb(last.hwmKb),
        startRssMb: mb(first.rssKb),
        timeline,
      };
    },
  };
}

/** The highest RSS sampled inside each span, by span name (e.g. per activity of a sync). */
export function peakBySpan(
  sample: RssSample,
  spans: { name: string; from: number; to: number }[],
): Record<string, number> {
  const peaks: Record<string, number> = {};
  for (const span of spans) {
    for (const { at, rssMb } of sample.timeline) {
      if (at >= span.from && at <= span.to) peaks[span.name] = Math.max(peaks[span.name] ?? 0, rssMb);
    }
  }
  return peaks;
}

function mb(kb: number): number {
  return Math.round(kb / 102.4) / 10;
}

function readStatus(pid: number): { rssKb: number; hwmKb: number } {
  let status = '';
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    // The process is gone: its last sample stands.
  }
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
  return { rssKb: field('VmRSS'), hwmKb: field('VmHWM') };
}
