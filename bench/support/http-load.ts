import autocannon from 'autocannon';
import { meterCpu, type CpuShare } from './cpu-meter';

/** What one load run measured. */
export interface LoadResult {
  rps: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  /** Connection errors, timeouts and non-2xx answers together. */
  errors: number;
  non2xx: number;
  timeouts: number;
  /** Response bytes per request, headers included, as sent on the wire. */
  bytesPerRequest: number;
  statusCodes: Record<string, number>;
  /** Which side was busy: the server processes, or this process generating the load. */
  cpu: CpuShare;
  /**
   * Server CPU time per answered request, in µs: unlike requests per second, it barely moves when other
   * work on the machine takes CPU away from the server or the load generator.
   */
  serverCpuUsPerRequest: number;
}

/** Load settings shared by every run: closed loop, `connections` keep-alive connections. */
export interface LoadSettings {
  connections: number;
  durationS: number;
}

type Target = Omit<autocannon.Options, 'connections' | 'duration'>;

/** A 2 s warm-up (JIT, caches, connection pools), then `durationS` measured; `serverPids` are metered. */
export async function measureLoad(
  target: Target,
  settings: LoadSettings,
  serverPids: number[],
): Promise<LoadResult> {
  await autocannon({ ...target, connections: settings.connections, duration: 2 });
  const cpu = meterCpu(serverPids);
  const result = await autocannon({
    ...target,
    connections: settings.connections,
    duration: settings.durationS,
  });
  return summarize(result, cpu.stop());
}

/** Starts load that runs until `stop()`; for load during another activity. */
export function startLoad(
  target: Target,
  connections: number,
  serverPids: number[],
): { stop(): Promise<LoadResult> } {
  const cpu = meterCpu(serverPids);
  const instance = autocannon({ ...target, connections, duration: 24 * 3600 });
  return {
    async stop() {
      instance.stop();
      const result = await instance;
      return summarize(result, cpu.stop());
    },
  };
}

function summarize(result: autocannon.Result, cpu: CpuShare): LoadResult {
  const statusCodes = Object.fromEntries(
    Object.entries(result.statusCodeStats).map(([code, stats]) => [code, stats.count]),
  );
  const requests = result.requests.total;
  return {
    rps: Math.round(requests / result.duration),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests,
    errors: result.errors + result.non2xx,
    non2xx: result.non2xx,
    timeouts: result.timeouts,
    bytesPerRequest: requests > 0 ? Math.round(result.throughput.total / requests) : 0,
    statusCodes,
    cpu,
    serverCpuUsPerRequest:
      requests > 0 ? Math.round(((cpu.serverPct / 100) * result.duration * 1e6) / requests) : 0,
  };
}
