import pino from 'pino';
import { GenerationPoller } from '../../../src/api/search/generation-poller';

/** A generation source whose reads resolve when the test says. */
function controlledReads() {
  const pending: ((generation: string) => void)[] = [];
  const read = () => new Promise<string>((resolve) => pending.push(resolve));
  return { read, answer: (index: number, generation: string) => pending[index]!(generation), pending };
}

describe('GenerationPoller.refresh', () => {
  it('makes the generation read now current before it resolves', async () => {
    const reads = controlledReads();
    const poller = new GenerationPoller(reads.read, pino({ level: 'silent' }), 60_000);
    const refreshed = poller.refresh();
    reads.answer(0, 'after-sync');
    await refreshed;
    expect(poller).toMatchObject({ generation: 'after-sync', epoch: 1 });
  });

  it('ignores a slower read that started before a newer one finished', async () => {
    const reads = controlledReads();
    const poller = new GenerationPoller(reads.read, pino({ level: 'silent' }), 60_000);
    const older = poller.refresh();
    const newer = poller.refresh();
    reads.answer(1, 'after-sync');
    await newer;
    reads.answer(0, 'before-sync');
    await older;
    expect(poller).toMatchObject({ generation: 'after-sync', epoch: 1 });
  });
});
