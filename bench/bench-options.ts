import { WORKER_NODE_FLAGS } from '../scripts/stack/worker-runtime';

/**
 * Scenario groups a run can be limited to: the feed's (sync, search, load), the open-loop search peak (on the
 * feed's index, or alone after one full sync), the migration of the feed's index, the booking holds, and a
 * partner's month window at its real rate limit.
 */
export const SCENARIO_GROUPS = ['feed', 'peak', 'migrate', 'booking', 'partner'] as const;
/** One of {@link SCENARIO_GROUPS}. */
export type ScenarioGroup = (typeof SCENARIO_GROUPS)[number];

/** Sizes and load settings of one bench run, from `--name=value` arguments or `BENCH_*` variables. */
export interface BenchOptions {
  /** Base events of the main feed (each with one session); the large feed has twice as many. */
  events: number;
  /** Zones per event: with 4000 events, 250 zones make a feed of about 100 MB. */
  zones: number;
  /** Seconds of each measured HTTP load run (a 2 s warm-up precedes it). */
  durationS: number;
  connections: number;
  /** pino level of the API child; `info` (the product default) logs one line per request. */
  apiLogLevel: string;
  /** Writes `--cpu-prof` profiles of the API children to bench/results/logs/profiles. */
  cpuProfile: boolean;
  /** Measured runs per search target, interleaved; the best one counts (the machine may be shared). */
  rounds: number;
  /** NODE_OPTIONS of the worker children, e.g. `--max-old-space-size=128` to see its effect on RSS. */
  workerNodeOptions: string;
  /** Scenario groups to run, e.g. `BENCH_ONLY=booking` to try the booking scenario alone; all by default. */
  only: ScenarioGroup[];
}

const DEFAULTS: BenchOptions = {
  events: 4000,
  zones: 250,
  durationS: 8,
  connections: 64,
  apiLogLevel: 'info',
  cpuProfile: false,
  rounds: 2,
  // The worker's flags in `make run` and docker-compose.yml.
  workerNodeOptions: WORKER_NODE_FLAGS.join(' '),
  only: [...SCENARIO_GROUPS],
};

/** Reads the options; a CLI argument (`--events=400`) wins over its variable (`BENCH_EVENTS=400`). */
export function readBenchOptions(argv = process.argv.slice(2), env = process.env): BenchOptions {
  const cli = new Map(
    argv.map((arg) => {
      const [name = '', ...value] = arg.replace(/^--/, '').split('=');
      return [name, value.length > 0 ? value.join('=') : 'true'];
    }),
  );
  const raw = (name: string, variable: string): string | undefined => cli.get(name) ?? env[variable];
  const int = (name: string, variable: string, fallback: number): number => {
    const value = raw(name, variable);
    if (value === undefined || value === '') return fallback;
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed <= 0) throw new Error(`${variable} must be a positive integer`);
    return parsed;
  };
  return {
    events: int('events', 'BENCH_EVENTS', DEFAULTS.events),
    zones: int('zones', 'BENCH_ZONES', DEFAULTS.zones),
    durationS: int('duration', 'BENCH_DURATION_S', DEFAULTS.durationS),
    connections: int('connections', 'BENCH_CONNECTIONS', DEFAULTS.connections),
    apiLogLevel: raw('api-log-level', 'BENCH_API_LOG_LEVEL') ?? DEFAULTS.apiLogLevel,
    cpuProfile: ['1', 'true'].includes(raw('cpu-prof', 'BENCH_CPU_PROF') ?? 'false'),
    rounds: int('rounds', 'BENCH_ROUNDS', DEFAULTS.rounds),
    workerNodeOptions: raw('worker-node-options', 'BENCH_WORKER_NODE_OPTIONS') ?? DEFAULTS.workerNodeOptions,
    only: groups(raw('only', 'BENCH_ONLY')) ?? DEFAULTS.only,
  };
}

/** A comma-separated list of scenario groups (`feed,booking`); undefined when unset. */
function groups(value: string | undefined): ScenarioGroup[] | undefined {
  if (value === undefined || value === '') return undefined;
  const names = value.split(',').map((name) => name.trim());
  const unknown = names.filter((name) => !(SCENARIO_GROUPS as readonly string[]).includes(name));
  if (unknown.length > 0)
    throw new Error(
      `BENCH_ONLY names unknown groups (${unknown.join(', ')}); known: ${SCENARIO_GROUPS.join(', ')}`,
    );
  return names as ScenarioGroup[];
}
