import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { elasticsearchDataDir } from '../../../scripts/stack/elasticsearch-data-dir';

describe('elasticsearchDataDir', () => {
  let root: string;
  let privateHome: string;
  let stateDir: string;

  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'event-hub-es-dir-'));
    chmodSync(root, 0o755);
    privateHome = path.join(root, 'home');
    mkdirSync(privateHome, { mode: 0o700 });
    chmodSync(privateHome, 0o700);
    stateDir = path.join(root, 'var-lib', 'event-hub');
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const place = (dataDir: string, runningAsRoot: boolean) =>
    elasticsearchDataDir({ dataDir, runningAsRoot, stateDir, pid: process.pid });

  it('keeps the node in the data folder when not running as root, even inside a private folder', () => {
    const dataDir = path.join(privateHome, 'clone', '.data');

    expect(place(dataDir, false)).toEqual({ dir: path.join(dataDir, 'elasticsearch'), unreachable: null });
    expect(existsSync(stateDir)).toBe(false);
  });

  it('keeps the node in the data folder under root when nobody can reach it', () => {
    const dataDir = path.join(root, 'open', 'clone', '.data');

    expect(place(dataDir, true)).toEqual({ dir: path.join(dataDir, 'elasticsearch'), unreachable: null });
    expect(existsSync(stateDir)).toBe(false);
  });

  describe('under root, with the data folder inside a folder others cannot enter (mode 0700)', () => {
    const dataDirIn = (home: string) => path.join(home, 'clone', '.data');

    it('puts the node in a per-clone folder of the state directory, named by an id kept in the data folder', () => {
      const dataDir = dataDirIn(privateHome);

      const result = place(dataDir, true);

      const id = readFileSync(path.join(dataDir, 'clone-id'), 'utf8').trim();
      expect(id).toMatch(/^[0-9a-f]{16}$/);
      expect(result).toEqual({ dir: path.join(stateDir, id, 'elasticsearch'), unreachable: privateHome });
      expect(readFileSync(path.join(stateDir, id, 'owner'), 'utf8').trim()).toBe(dataDir);
      expect(readFileSync(path.join(stateDir, id, 'stack.pid'), 'utf8').trim()).toBe(String(process.pid));
    });

    it('makes the state directory and the per-clone folder searchable by everyone, whatever the umask', () => {
      const umask = process.umask(0o077);
      try {
        const result = place(dataDirIn(privateHome), true);
        expect(statSync(stateDir).mode & 0o777).toBe(0o755);
        expect(statSync(path.dirname(result.dir)).mode & 0o777).toBe(0o755);
      } finally {
        process.umask(umask);
      }
    });

    it('gives the same folder on every run of the same data folder', () => {
      const dataDir = dataDirIn(privateHome);

      expect(place(dataDir, true)).toEqual(place(dataDir, true));
    });

    it('gives a new, empty folder once the data folder is deleted to start from scratch', () => {
      const dataDir = dataDirIn(privateHome);
      const first = place(dataDir, true);
      rmSync(dataDir, { recursive: true });

      const second = place(dataDir, true);

      expect(second.dir).not.toBe(first.dir);
      expect(existsSync(second.dir)).toBe(false);
    });

    it('applies to a data folder set by EVENT_HUB_DATA_DIR as well: only reachability decides', () => {
      const elsewhere = path.join(privateHome, 'elsewhere');

      expect(place(elsewhere, true).dir.startsWith(stateDir + path.sep)).toBe(true);
    });

    it('refuses a clone id file it did not write, rather than use its content as a path', () => {
      const dataDir = dataDirIn(privateHome);
      mkdirSync(dataDir, { recursive: true });
      writeFileSync(path.join(dataDir, 'clone-id'), '../../etc\n');

      expect(() => place(dataDir, true)).toThrow(/holds no clone id/);
    });
  });
});
