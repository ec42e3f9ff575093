import pino, { type DestinationStream, type LevelWithSilent, type Logger } from 'pino';

/** The entry points that log, each named by the `process` field of its lines. */
export type ProcessName = 'worker' | 'api' | 'simulator';

/**
 * A process's root logger: one JSON line per entry with level, time, `process` and msg. The `base`
 * replaces pino's pid and hostname, so every process writes the same fields.
 */
export function createProcessLogger(
  process: ProcessName,
  level: LevelWithSilent = 'info',
  destination?: DestinationStream,
): Logger {
  return pino({ level, base: { process } }, destination);
}
