/**
 * How a worker process is started (`make run`, the bench; docker-compose.yml repeats it). Its live data is
 * small, but a sync allocates and frees megabytes per bulk request: without limits V8 grows its heap to the
 * default cap, and glibc keeps freed memory in per-thread arenas and grows its mmap threshold past the
 * request buffers, so the process keeps memory it no longer uses.
 */
export const WORKER_NODE_FLAGS: readonly string[] = ['--max-old-space-size=256'];

/** glibc tunables (ignored by other C libraries): two malloc arenas, and large blocks always mmapped. */
export const WORKER_ENV: Readonly<Record<string, string>> = {
  MALLOC_ARENA_MAX: '2',
  MALLOC_MMAP_THRESHOLD_: '131072',
};
