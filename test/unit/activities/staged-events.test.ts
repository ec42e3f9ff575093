import { LineWriter } from '../../../src/activities/line-file';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  readStagedEventBatches,
  readStagedIds,
  StagedEventWriter,
} from '../../../src/activities/staged-events';
import { prepareEvent, type PreparedEvent } from '../../../src/search/prepared-event';
import { makeEvent } from '../../support/fixture-events';

describe('staged events file', () => {
  let dir: string;
  let eventsPath: string;
  let idsPath: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'staged-events-'));
    eventsPath = path.join(dir, 'events.staged');
    idsPath = path.join(dir, 'event-ids.txt');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function stage(events: PreparedEvent[]): Promise<void> {
    const writer = new StagedEventWriter(eventsPath, idsPath);
    for (const event of events) await writer.write(event);
    await writer.close();
  }

  async function readAll(maxEvents: number, skip = 0, maxBytes?: number): Promise<PreparedEvent[][]> {
    const batches: PreparedEvent[][] = [];
    for await (const batch of readStagedEventBatches(eventsPath, { maxEvents, maxBytes }, skip))
      batches.push(batch);
    return batches;
  }

  it('reads back exactly the prepared events written, titles with tabs, newlines and quotes included', async () => {
    const events = [
      prepareEvent(makeEvent(1, { title: 'Tab\there,\nnewline\r\n and "quotes" \\ ñ 🎸' })),
      prepareEvent(makeEvent(2, { sellMode: 'offline' })),
      prepareEvent(makeEvent(3)),
    ];
    await stage(events);
    expect((await readAll(10)).flat()).toEqual(events);
    expect(readFileSync(eventsPath, 'utf8').split('\n')).toHaveLength(4);
  });

  it('reads in batches of the given size, starting after the lines a resumed attempt skips', async () => {
    const events = Array.from({ length: 7 }, (_, i) => prepareEvent(makeEvent(i)));
    await stage(events);
    expect((await readAll(3)).map((b) => b.length)).toEqual([3, 3, 1]);
    expect((await readAll(3, 5)).flat().map((e) => e.id)).toEqual([events[5]!.id, events[6]!.id]);
  });

  it('closes a batch early once its lines reach the byte limit, so events with many zones make smaller requests', async () => {
    const events = Array.from({ length: 6 }, (_, i) => prepareEvent(makeEvent(i)));
    await stage(events);
    const lineBytes = readFileSync(eventsPath, 'utf8').split('\n')[0]!.length;
    // Two lines reach the limit: batches of two, although five events would be allowed.
    const batches = await readAll(5, 0, lineBytes * 2 - 10);
    expect(batches.map((b) => b.length)).toEqual([2, 2, 2]);
    expect(batches.flat()).toEqual(events);
  });

  it('keeps the ids in a file of their own', async () => {
    const events = Array.from({ length: 4 }, (_, i) => prepareEvent(makeEvent(i)));
    await stage(events);
    expect(await readStagedIds(idsPath)).toEqual(new Set(events.map((e) => e.id)));
  });

  it('refuses a line that is not id, hash, online flag and JSON', async () => {
    await stage([prepareEvent(makeEvent(1))]);
    rmSync(eventsPath);
    writeFileSync(eventsPath, 'not a staged line\n');
    await expect(readAll(10)).rejects.toThrow(/staged event line/);
  });
});

describe('LineWriter', () => {
  it('rejects the next write or the close when its folder is gone, instead of throwing unhandled or hanging', async () => {
    const missing = path.join(os.tmpdir(), `line-writer-missing-${process.pid}`, 'nested', 'file.txt');
    const writer = new LineWriter(missing);
    const outcome = (async () => {
      for (let i = 0; i < 10_000; i++) await writer.write('x'.repeat(100));
      await writer.close();
    })();
    await expect(outcome).rejects.toThrow(/ENOENT/);
    await expect(writer.close()).rejects.toThrow(/ENOENT/);
  });

  it('writes every line when nothing fails', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'line-writer-'));
    const file = path.join(dir, 'lines.txt');
    const writer = new LineWriter(file);
    for (let i = 0; i < 3000; i++) await writer.write(`line ${i} ${'y'.repeat(1000)}`);
    await writer.close();
    const lines = readFileSync(file, 'utf8').split('\n');
    expect(lines).toHaveLength(3001);
    expect(lines[2999]).toMatch(/^line 2999 /);
    rmSync(dir, { recursive: true, force: true });
  });
});
