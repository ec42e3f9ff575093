import { readdirSync, readFileSync } from 'node:fs';

// Linux reports process CPU time in clock ticks of 1/100 s (USER_HZ) on every mainstream kernel.
export const TICKS_PER_SECOND = 100;

/** CPU used during a load run, in % of one core: by the server side and by the load generator. */
export interface CpuShare {
  serverPct: number;
  loadGeneratorPct: number;
}

/**
 * Starts metering the CPU of `pids` and their descendants (cluster workers, the JVM under its launcher);
 * `stop()` gives their share of one core since the start.
 */
export function meterCpu(pids: number[]): { stop(): number } {
  const started = performance.now();
  const ticks = treeTicks(pids);
  return {
    stop() {
      const seconds = (performance.now() - started) / 1000;
      return Math.round(((treeTicks(pids) - ticks) / TICKS_PER_SECOND / seconds) * 100);
    },
  };
}

/**
 * Starts metering the CPU time of `pids` and their descendants; `stop()` gives the seconds they used since.
 * Unlike wall time, it barely moves when other work on a shared machine takes the CPUs.
 */
export function meterCpuSeconds(pids: number[]): { stop(): number } {
  const ticks = treeTicks(pids);
  return { stop: () => (treeTicks(pids) - ticks) / TICKS_PER_SECOND };
}

/**
 * Waits until the machine's CPUs are at most `maxBusyPct` busy over a second (Elasticsearch merging
 * after a sync, or anything else running), for at most `timeoutMs`; returns the last busy share seen.
 */
export async function waitForQuietCpu(maxBusyPct = 15, timeoutMs = 60_000): Promise<number> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const before = systemTicks();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const after = systemTicks();
    const busy = Math.round(((after.busy - before.busy) / Math.max(1, after.total - before.total)) * 100);
    if (busy <= maxBusyPct || performance.now() > deadline) return busy;
  }
}

/** Starts metering how busy the whole machine is; `stop()` gives the busy share of all CPUs since, in %. */
export function meterMachineBusy(): { stop(): number } {
  const before = systemTicks();
  return {
    stop() {
      const after = systemTicks();
      return Math.round(((after.busy - before.busy) / Math.max(1, after.total - before.total)) * 100);
    },
  };
}

function systemTicks(): { busy: number; total: number } {
  const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = cpu.reduce((sum, v) => sum + v, 0);
  const idle = (cpu[3] ?? 0) + (cpu[4] ?? 0);
  return { busy: total - idle, total };
}

/** CPU ticks (1/100 s) used so far by `roots` and their descendants. */
export function treeTicks(roots: number[]): number {
  const stats = new Map<number, { ppid: number; ticks: number }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(Number(entry));
    if (stat) stats.set(Number(entry), stat);
  }
  const wanted = new Set(roots);
  // Parents precede children often but not always: repeat until no new descendant is found.
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, stat] of stats) {
      if (!wanted.has(pid) && wanted.has(stat.ppid)) grew = wanted.add(pid) !== undefined;
    }
  }
  return [...wanted].reduce((sum, pid) => sum + (stats.get(pid)?.ticks ?? 0), 0);
}

function readStat(pid: number): { ppid: number; ticks: number } | null {
  try {
    // The command name may contain spaces and parentheses: fields are counted after the last ')'.
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return null;
  }
}
