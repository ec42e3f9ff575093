import pino, { type DestinationStream, type LevelWithSilent, type Logger } from 'pino';

/** The entry points that log, each named by the `process` field of its lines. */
export type ProcessName = 'worker' | 'api' | 'simulator' | 'migrate';

/**
 * A process's root logger: one JSON line per entry with level, time, `process` and msg. The `base`
 * replaces pino's pid and hostname, so every process writes the same fields.
 */
export function createProcessLogger(
  process: ProcessName,
  level: LevelWithSilent = 'info',
  destination?: DestinationStream,
): Logger {
  return pino({ level, base: { process }, serializers: { err: compactError } }, destination);
}

/**
 * pino's error serializer, minus what the Elasticsearch client hangs on its errors: the whole request,
 * the connection and the options (a bulk request's body alone can be megabytes). The status and
 * Elasticsearch's own error stay, so a line still says what went wrong.
 */
function compactError(err: Error): Record<string, unknown> {
  const serialized: Record<string, unknown> = { ...pino.stdSerializers.err(err) };
  const meta = serialized.meta as { statusCode?: unknown; body?: { error?: unknown } } | undefined;
  if (meta !== null && typeof meta === 'object') {
    serialized.meta = { statusCode: meta.statusCode, error: meta.body?.error };
  }
  delete serialized.options;
  return serialized;
}
