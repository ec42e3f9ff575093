import { meterCpu, meterMachineBusy } from './cpu-meter';

/** CPU used during one step: by each named process (with its descendants), in % of one core, and the whole machine's busy share. */
export interface StepCpu {
  byProcessPct: Record<string, number>;
  /** This process alone (the load generator): its children are the servers. */
  benchPct: number;
  machineBusyPct: number;
}

/**
 * Starts metering `pids` by name (null ones are left out) and the machine: on two shared cores, a slow
 * step may be the server's doing or another job's, and only the machine's busy share tells them apart.
 */
export function meterStepCpu(pids: Record<string, number | null>): { stop(): StepCpu } {
  const meters = Object.entries(pids).flatMap(([name, pid]) =>
    pid === null ? [] : [[name, meterCpu([pid])] as const],
  );
  const machine = meterMachineBusy();
  const started = performance.now();
  const bench = process.cpuUsage();
  return {
    stop: () => {
      const { user, system } = process.cpuUsage(bench);
      return {
        byProcessPct: Object.fromEntries(meters.map(([name, meter]) => [name, meter.stop()])),
        benchPct: Math.round((user + system) / 10 / (performance.now() - started)),
        machineBusyPct: machine.stop(),
      };
    },
  };
}
