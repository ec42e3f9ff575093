import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { elasticsearchDataDir } from '../../../scripts/stack/elasticsearch-data-dir';
import { pruneCloneFolders } from '../../../scripts/stack/prune-clone-folders';

/** A PID that belonged to a process which has ended. */
function endedPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid;
}

describe('pruneCloneFolders', () => {
  let root: string;
  let stateDir: string;

  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'event-hub-prune-'));
    const privateHome = path.join(root, 'home');
    mkdirSync(privateHome);
    chmodSync(privateHome, 0o700);
    stateDir = path.join(root, 'state');
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  /** Places a clone's node as `make run` under root does, recording `pid` as the stack using it. */
  function cloneFolder(name: string, pid: number): { dataDir: string; folder: string } {
    const dataDir = path.join(root, 'home', name, '.data');
    const { dir } = elasticsearchDataDir({ dataDir, runningAsRoot: true, stateDir, pid });
    mkdirSync(dir);
    return { dataDir, folder: path.dirname(dir) };
  }

  it('removes the folder of a data folder that was deleted, once its stack has stopped', () => {
    const { dataDir, folder } = cloneFolder('deleted', endedPid());
    rmSync(dataDir, { recursive: true });

    expect(pruneCloneFolders(stateDir)).toEqual([folder]);
    expect(existsSync(folder)).toBe(false);
  });

  it('removes the old folder of a data folder that was deleted and made again (it has a new id)', () => {
    const { dataDir, folder: old } = cloneFolder('restarted', endedPid());
    rmSync(dataDir, { recursive: true });
    const { folder: current } = cloneFolder('restarted', endedPid());

    expect(pruneCloneFolders(stateDir)).toEqual([old]);
    expect(existsSync(current)).toBe(true);
  });

  it('keeps the folder of a data folder that still exists', () => {
    const { folder } = cloneFolder('kept', endedPid());

    expect(pruneCloneFolders(stateDir)).toEqual([]);
    expect(existsSync(folder)).toBe(true);
  });

  it('never removes a folder whose stack still runs, even if its data folder is gone', () => {
    const { dataDir, folder } = cloneFolder('running', process.pid);
    rmSync(dataDir, { recursive: true });

    expect(pruneCloneFolders(stateDir)).toEqual([]);
    expect(existsSync(folder)).toBe(true);
  });

  it('leaves alone what it did not make: other names, folders without an owner file', () => {
    mkdirSync(path.join(stateDir, 'notes'), { recursive: true });
    mkdirSync(path.join(stateDir, '0123456789abcdef'));
    writeFileSync(path.join(stateDir, 'README'), 'kept\n');

    expect(pruneCloneFolders(stateDir)).toEqual([]);
  });

  it('does nothing when there is no state directory yet', () => {
    expect(pruneCloneFolders(path.join(root, 'missing'))).toEqual([]);
  });
});
