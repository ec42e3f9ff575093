import type { Simulator } from '../../src/simulator/create-simulator';
import type { BenchOptions } from '../bench-options';
import type { FeedRelay } from './feed-relay';
import type { NodeChild } from './node-child';

/** What every scenario shares: options, the servers, the provider, and the children to stop at the end. */
export interface BenchContext {
  options: BenchOptions;
  temporalAddress: string;
  elasticsearchUrl: string;
  /** The Elasticsearch node's launcher process (the JVM is its descendant); null for an external node. */
  elasticsearchPid: number | null;
  /** The Temporal dev server's process; null for an external server. */
  temporalPid: number | null;
  /** Provider `fever`, pointing at the relay in front of the simulator. */
  providersFile: string;
  simulator: Simulator;
  relay: FeedRelay;
  /** Scratch space: feed files, staging folders. */
  workDir: string;
  /** Children's logs (and CPU profiles), kept after the run. */
  logDir: string;
  /** Every child started, so a failed run still stops them all. */
  children: Set<NodeChild>;
}
