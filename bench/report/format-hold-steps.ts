import type { HoldKnee } from '../support/hold-knee';

/**
 * Each rate step of the hold ladders as a Markdown table, one row per zones/rate pair; the machine's busy
 * share shows whether another job took the CPU (2 shared cores).
 */
export function formatHoldSteps(ladders: { zones: number; knee: HoldKnee }[]): string {
  const header = [
    'zones',
    'rate/s',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'held/s',
    'zone_busy',
    'failed',
    'sustained',
    'machine busy',
  ];
  const rows = ladders.flatMap(({ zones, knee }) =>
    knee.steps.map((s) => [
      String(zones),
      String(s.ratePerS),
      s.p50Ms.toFixed(0),
      s.p95Ms.toFixed(0),
      s.p99Ms.toFixed(0),
      s.heldPerS.toFixed(0),
      `${(s.zoneBusyShare * 100).toFixed(1)}%`,
      String(s.failures),
      s.sustained ? 'yes' : 'no',
      `${s.cpu.machineBusyPct}%`,
    ]),
  );
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padStart(widths[i]!)).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
