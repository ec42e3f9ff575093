/** One measured figure, next to the baseline it is read against, and its goal if it has one. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  baseline?: { name: string; value: number };
  /** value / baseline. */
  ratio?: number;
  goal?: string;
  pass?: boolean;
  /** Cross-checks and context (index operations, counts, windows). */
  detail?: Record<string, unknown>;
}

/** A target for a figure's value or its ratio to the baseline. */
export interface Goal {
  text: string;
  met(value: number, ratio: number | undefined): boolean;
}

/** value <= limit (or ratio <= limit). */
export function atMost(limit: number, of: 'value' | 'ratio' = 'value', unit = ''): Goal {
  return {
    text: `${of === 'ratio' ? 'ratio ' : ''}<= ${limit}${unit}`,
    met: (value, ratio) => (of === 'value' ? value : (ratio ?? Infinity)) <= limit,
  };
}

/** value >= limit (or ratio >= limit). */
export function atLeast(limit: number, of: 'value' | 'ratio' = 'value'): Goal {
  return {
    text: `${of === 'ratio' ? 'ratio ' : ''}>= ${limit}`,
    met: (value, ratio) => (of === 'value' ? value : (ratio ?? -Infinity)) >= limit,
  };
}

/** Every goal holds. */
export function allOf(...goals: Goal[]): Goal {
  return { text: goals.map((g) => g.text).join(' and '), met: (v, r) => goals.every((g) => g.met(v, r)) };
}

/** Builds a figure, computing the ratio to its baseline and whether the goal is met. */
export function figure(
  name: string,
  value: number,
  unit: string,
  options: { baseline?: [string, number]; goal?: Goal; detail?: Record<string, unknown> } = {},
): Figure {
  const result: Figure = { name, value: round(value), unit };
  if (options.baseline) {
    const [baselineName, baselineValue] = options.baseline;
    result.baseline = { name: baselineName, value: round(baselineValue) };
    if (baselineValue !== 0) result.ratio = round(value / baselineValue, 4);
  }
  if (options.goal) {
    result.goal = options.goal.text;
    result.pass = options.goal.met(value, result.ratio);
  }
  if (options.detail) result.detail = options.detail;
  return result;
}

function round(value: number, digits = value >= 100 ? 0 : 3): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
