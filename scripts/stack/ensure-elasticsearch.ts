import { chmod, readdir } from 'node:fs/promises';
import path from 'node:path';
import { verifySha256 } from './file-sha256';
import { installIntoCache } from './install-into-cache';
import { cacheDir } from './paths';
import { hasCommand, MissingPrerequisiteError, runCommand } from './run-command';
import { ELASTICSEARCH } from './versions';

/** Home folder of the pinned Elasticsearch distribution, downloading it into the cache on first use. */
export async function ensureElasticsearch(log: (line: string) => void): Promise<string> {
  const home = path.join(cacheDir(), 'elasticsearch', ELASTICSEARCH.version);
  await installIntoCache(home, async (workDir) => {
    log(`downloading Elasticsearch ${ELASTICSEARCH.version} into ${home}`);
    if (!(await hasCommand('mvn', ['--version']))) {
      throw new MissingPrerequisiteError(
        'downloading Elasticsearch needs Maven (apt-get install maven) and Java 17+; ' +
          'or set ELASTICSEARCH_URL to an existing node, or use docker-compose',
      );
    }
    await runCommand('mvn', [
      '-q',
      '-B',
      'dependency:copy',
      `-Dartifact=${ELASTICSEARCH.artifact}`,
      `-DoutputDirectory=${workDir}`,
    ]);
    const zip = path.join(workDir, `elasticsearch-${ELASTICSEARCH.version}.zip`);
    await verifySha256(zip, ELASTICSEARCH.sha256);
    await runCommand('python3', ['-m', 'zipfile', '-e', zip, workDir]);
    await runCommand('rm', ['-f', zip]);
    const unpacked = path.join(workDir, `elasticsearch-${ELASTICSEARCH.version}`);
    for (const file of await readdir(path.join(unpacked, 'bin'))) {
      await chmod(path.join(unpacked, 'bin', file), 0o755);
    }
    // The distribution unpacks into a versioned folder; hoist it so `home` is the distribution root.
    for (const entry of await readdir(unpacked)) {
      await runCommand('mv', [path.join(unpacked, entry), workDir]);
    }
    await runCommand('rmdir', [unpacked]);
  });
  return home;
}
