import type { Figure } from './figure';

/** The figures as a Markdown table: value, baseline, ratio, goal, pass/fail. */
export function formatTable(figures: Figure[]): string {
  const rows = figures.map((f) => [
    f.name,
    `${formatNumber(f.value)} ${f.unit}`,
    f.baseline ? `${f.baseline.name}: ${formatNumber(f.baseline.value)}` : '',
    f.ratio === undefined ? '' : formatNumber(f.ratio),
    f.goal ?? '',
    f.pass === undefined ? '' : f.pass ? 'pass' : 'FAIL',
  ]);
  const header = ['figure', 'value', 'baseline', 'ratio', 'goal', 'result'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** Integers above 100 as they are, smaller values with up to three significant decimals. */
export function formatNumber(value: number): string {
  if (Math.abs(value) >= 100 || Number.isInteger(value)) return String(Math.round(value));
  return String(Number(value.toPrecision(3)));
}
