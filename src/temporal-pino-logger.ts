import {
  IllegalStateError,
  type LogLevel,
  type LogMetadata,
  type Logger as SdkLogger,
} from '@temporalio/common';
import { Runtime } from '@temporalio/worker';
import type { Level, Logger } from 'pino';

const PINO_LEVELS: Record<LogLevel, Level> = {
  TRACE: 'trace',
  DEBUG: 'debug',
  INFO: 'info',
  WARN: 'warn',
  ERROR: 'error',
};

/**
 * The Temporal SDK's logger interface over pino: each SDK log call becomes one line of the process's
 * logger, its metadata (activityType, workflowId, taskQueue, ...) as fields and its error under `err`.
 */
export class TemporalPinoLogger implements SdkLogger {
  constructor(private readonly logger: Logger) {}

  log(level: LogLevel, message: string, meta?: LogMetadata): void {
    const pinoLevel = PINO_LEVELS[level];
    if (this.logger.isLevelEnabled(pinoLevel)) this.logger[pinoLevel](fieldsOf(meta), message);
  }

  trace(message: string, meta?: LogMetadata): void {
    this.log('TRACE', message, meta);
  }

  debug(message: string, meta?: LogMetadata): void {
    this.log('DEBUG', message, meta);
  }

  info(message: string, meta?: LogMetadata): void {
    this.log('INFO', message, meta);
  }

  warn(message: string, meta?: LogMetadata): void {
    this.log('WARN', message, meta);
  }

  error(message: string, meta?: LogMetadata): void {
    this.log('ERROR', message, meta);
  }
}

/** Metadata as pino fields: string keys only (the SDK's timestamp symbol has no JSON form). */
function fieldsOf(meta: LogMetadata | undefined): Record<string, unknown> {
  const fields: Record<string, unknown> = Object.fromEntries(Object.entries(meta ?? {}));
  // The SDK mostly names the error `error`; pino serializes `err` (type, message, stack, cause).
  if ('error' in fields && !('err' in fields)) {
    fields.err = fields.error;
    delete fields.error;
  }
  return fields;
}

let installed = false;

/**
 * Sends the Temporal SDK's logs, Core's forwarded ones included, to `logger`. The SDK's Runtime is one
 * per process, takes its logger once and must exist before any worker or native connection, so the
 * first call installs it and later ones (tests start several workers in one process) keep it.
 */
export function installTemporalLogger(logger: Logger): void {
  if (installed) return;
  try {
    Runtime.install({
      logger: new TemporalPinoLogger(logger),
      // Core's filter stays the SDK's default (WARN, other crates ERROR); `forward` routes it here.
      telemetryOptions: { logging: { forward: {} } },
    });
  } catch (error) {
    if (!(error instanceof IllegalStateError)) throw error;
    logger.warn("the Temporal runtime existed before the worker started; its logs keep the SDK's format");
  }
  installed = true;
}
