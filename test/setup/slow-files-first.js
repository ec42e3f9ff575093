const Sequencer = require('@jest/test-sequencer').default;

/** The reliability files wait on heartbeat timeouts, retry backoff and server restarts: the slowest by far. */
const SLOW = /[\\/]test[\\/]e2e[\\/]reliability[\\/]/;

/**
 * Jest's order (failed first, then slowest first by the last run's timings, else largest file first),
 * except that the reliability files start first when there are no timings for them, as in a fresh clone:
 * with two workers, a minute-long file that starts last runs alone at the end.
 */
class SlowFilesFirst extends Sequencer {
  sort(tests) {
    const sorted = super.sort(tests);
    const isUntimedSlow = (test) => test.duration == null && SLOW.test(test.path);
    return [...sorted.filter(isUntimedSlow), ...sorted.filter((test) => !isUntimedSlow(test))];
  }
}

module.exports = SlowFilesFirst;
