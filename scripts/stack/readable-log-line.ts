const LEVELS: Record<number, { label: string; color: number }> = {
  10: { label: 'TRACE', color: 90 },
  20: { label: 'DEBUG', color: 36 },
  30: { label: 'INFO', color: 32 },
  40: { label: 'WARN', color: 33 },
  50: { label: 'ERROR', color: 31 },
  60: { label: 'FATAL', color: 35 },
};
const SHOWN_APART = new Set(['level', 'time', 'process', 'msg', 'err']);

/** A pino line's fields, as the process logger writes them. */
type PinoEntry = Record<string, unknown> & { level: number; time: number };

/**
 * A pino JSON line as a person reads it: `time LEVEL process msg key=value ...`, then the error's stack
 * on indented lines. Null for a line that is not pino JSON. `process` falls back to `name`.
 */
export function readableLogLine(line: string, name: string, options: { colors: boolean }): string | null {
  const entry = pinoEntry(line);
  if (entry === null) return null;
  const level = LEVELS[entry.level] ?? { label: String(entry.level), color: 0 };
  const paint = (code: number, text: string): string =>
    options.colors && code ? `\u001b[${code}m${text}\u001b[0m` : text;
  const fields = Object.entries(entry)
    .filter(([key]) => !SHOWN_APART.has(key))
    .map(([key, value]) => `${paint(2, `${key}=`)}${fieldValue(value)}`);
  const head = [
    paint(2, clockTime(entry.time)),
    paint(level.color, level.label.padEnd(5)),
    (typeof entry.process === 'string' ? entry.process : name).padEnd(9),
    typeof entry.msg === 'string' ? entry.msg : '',
    ...fields,
  ].join(' ');
  return [head, ...errorLines(entry.err)].join('\n');
}

function pinoEntry(line: string): PinoEntry | null {
  if (!line.startsWith('{')) return null;
  try {
    const value: unknown = JSON.parse(line);
    const entry = value as Partial<PinoEntry>;
    return typeof entry.level === 'number' && typeof entry.time === 'number' ? (entry as PinoEntry) : null;
  } catch {
    return null;
  }
}

/** Local wall-clock time with milliseconds: `make run` is read live, on the day it runs. */
function clockTime(epochMs: number): string {
  const date = new Date(epochMs);
  const two = (n: number): string => String(n).padStart(2, '0');
  const time = `${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`;
  return `${time}.${String(date.getMilliseconds()).padStart(3, '0')}`;
}

function fieldValue(value: unknown): string {
  if (typeof value === 'string') return /^[^\s"=]+$/.test(value) ? value : JSON.stringify(value);
  return JSON.stringify(value) ?? String(value);
}

/** pino's err serializer keeps the stack, which already starts with the type and message. */
function errorLines(err: unknown): string[] {
  if (err === undefined) return [];
  const stack = typeof err === 'object' && err !== null && 'stack' in err ? err.stack : undefined;
  const text = typeof stack === 'string' ? stack : `err=${JSON.stringify(err)}`;
  return text
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => `    ${line}`);
}
