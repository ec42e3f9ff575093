import { readdirSync, readFileSync } from 'node:fs';

/** A process seen in /proc; its start time tells it apart from a later process given the same PID. */
export interface SeenProcess {
  pid: number;
  startTime: string;
  command: string;
}

interface Stat {
  state: string;
  ppid: number;
  startTime: string;
}

/** Fields of /proc/<pid>/stat after the command name, which may itself hold spaces and parentheses. */
function readStat(pid: number): Stat | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0]!, ppid: Number(fields[1]), startTime: fields[19]! };
  } catch {
    return null;
  }
}

function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    return '?';
  }
}

/** Every process below `pid` (children, their children, ...), whatever process group or user they have. */
export function descendantsOf(pid: number): SeenProcess[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    const child = Number(entry);
    const stat = Number.isInteger(child) ? readStat(child) : null;
    if (stat) children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), child]);
  }
  const found: SeenProcess[] = [];
  const queue = [...(children.get(pid) ?? [])];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    const stat = readStat(next);
    if (stat) found.push({ pid: next, startTime: stat.startTime, command: commandOf(next) });
    queue.push(...(children.get(next) ?? []));
  }
  return found;
}

/** Those of `processes` that still run (a zombie has ended; it only waits to be reaped). */
export function stillRunning(processes: readonly SeenProcess[]): SeenProcess[] {
  return processes.filter((seen) => {
    const stat = readStat(seen.pid);
    return stat !== null && stat.startTime === seen.startTime && stat.state !== 'Z';
  });
}
