import { parseArgs } from 'node:util';
import type { FeedControlInput } from './feed-control';

/** What the simulator's command line can override; config supplies the rest. */
export interface SimulatorArgs {
  host?: string;
  port?: number;
  /** Start-up control for every feed, from `--sample N` or `--events N [--zones M --seed S ...]`. */
  initialControl?: FeedControlInput;
  /** `--partner-api-key K`: the key every partner API accepts until control changes it. */
  partnerApiKey?: string;
}

/** Thrown when the simulator's command line has an unknown flag or a value that is not a number. */
export class SimulatorArgsError extends Error {
  override name = 'SimulatorArgsError';
}

const NUMERIC = ['port', 'sample', 'events', 'zones', 'seed', 'changed-percent', 'variant'] as const;
type NumericFlag = (typeof NUMERIC)[number];
type Flags = Record<string, string | undefined>;

/**
 * Parses `--host H --port N --partner-api-key K` and the feed flags
 * `--sample N --events N --zones M --seed S --changed-percent P --variant V`.
 */
export function parseSimulatorArgs(argv: string[]): SimulatorArgs {
  const flags = readFlags(argv);
  const partnerApiKey = flags['partner-api-key'];
  if (partnerApiKey?.trim() === '') throw new SimulatorArgsError('--partner-api-key must not be empty');
  return {
    host: flags.host,
    port: numberFlag(flags, 'port'),
    initialControl: initialControl(flags),
    partnerApiKey,
  };
}

function readFlags(argv: string[]): Flags {
  const options = Object.fromEntries(NUMERIC.map((name) => [name, { type: 'string' as const }]));
  try {
    return parseArgs({
      args: argv,
      options: { ...options, host: { type: 'string' }, 'partner-api-key': { type: 'string' } },
      strict: true,
    }).values;
  } catch (error) {
    throw new SimulatorArgsError((error as Error).message);
  }
}

function numberFlag(flags: Flags, name: NumericFlag): number | undefined {
  const raw = flags[name];
  if (raw === undefined) return undefined;
  const parsed = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(parsed))
    throw new SimulatorArgsError(`--${name} must be a number`);
  return parsed;
}

function initialControl(flags: Flags): FeedControlInput | undefined {
  const sample = numberFlag(flags, 'sample');
  const events = numberFlag(flags, 'events');
  if (sample !== undefined && events !== undefined) {
    throw new SimulatorArgsError('--sample and --events are mutually exclusive');
  }
  if (sample !== undefined) return { sample };
  if (events === undefined) return undefined;
  const generate = {
    events,
    zones: numberFlag(flags, 'zones'),
    seed: numberFlag(flags, 'seed'),
    changedPercent: numberFlag(flags, 'changed-percent'),
    variant: numberFlag(flags, 'variant'),
  };
  return { generate };
}
