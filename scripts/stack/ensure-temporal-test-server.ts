import { createHash } from 'node:crypto';
import { chmod, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileSha256 } from './file-sha256';
import { installIntoCache } from './install-into-cache';
import { cacheDir } from './paths';
import { hasCommand, MissingPrerequisiteError, runCommand } from './run-command';
import { TEMPORAL_TEST_SERVER } from './versions';

/**
 * Path of a launcher for the pinned time-skipping test server, resolving its jars into the cache on first
 * use. The launcher takes the arguments the SDK passes (`<port> [--enable-time-skipping]`).
 */
export async function ensureTemporalTestServer(log: (line: string) => void): Promise<string> {
  const home = path.join(cacheDir(), 'temporal-test-server', TEMPORAL_TEST_SERVER.version);
  await installIntoCache(home, async (workDir) => {
    log(`resolving Temporal test server ${TEMPORAL_TEST_SERVER.version} into ${home}`);
    if (!(await hasCommand('mvn', ['--version']))) {
      throw new MissingPrerequisiteError(
        'the Temporal test server is resolved with Maven (apt-get install maven) and runs on Java 17+',
      );
    }
    const pom = path.join(workDir, 'pom.xml');
    await writeFile(pom, projectPom(TEMPORAL_TEST_SERVER.dependencies));
    const lib = path.join(workDir, 'lib');
    await mkdir(lib);
    await runCommand('mvn', [
      '-q',
      '-B',
      '-f',
      pom,
      'dependency:copy-dependencies',
      '-DincludeScope=runtime',
      `-DoutputDirectory=${lib}`,
    ]);
    await rm(pom);
    const actual = await classpathSha256(lib);
    if (actual !== TEMPORAL_TEST_SERVER.classpathSha256) {
      throw new Error(
        `integrity check failed for the Temporal test server's jars in ${lib}: ` +
          `sha256 ${actual}, expected ${TEMPORAL_TEST_SERVER.classpathSha256}`,
      );
    }
    const launcher = path.join(workDir, 'bin', 'temporal-test-server');
    await mkdir(path.dirname(launcher));
    await writeFile(launcher, launcherScript(TEMPORAL_TEST_SERVER.mainClass));
    await chmod(launcher, 0o755);
  });
  return path.join(home, 'bin', 'temporal-test-server');
}

/** sha256 of `<sha256>  <file>` lines, one per jar sorted by name: one digest pins the whole classpath. */
export async function classpathSha256(lib: string): Promise<string> {
  const jars = (await readdir(lib)).filter((file) => file.endsWith('.jar')).sort();
  const lines = await Promise.all(
    jars.map(async (jar) => `${await fileSha256(path.join(lib, jar))}  ${jar}\n`),
  );
  return createHash('sha256').update(lines.join('')).digest('hex');
}

function projectPom(coordinates: string[]): string {
  const dependencies = coordinates.map((coordinate) => {
    const [groupId, artifactId, version] = coordinate.split(':');
    return (
      `    <dependency><groupId>${groupId}</groupId><artifactId>${artifactId}</artifactId>` +
      `<version>${version}</version></dependency>`
    );
  });
  return [
    '<project>',
    '  <modelVersion>4.0.0</modelVersion>',
    '  <groupId>event-hub</groupId><artifactId>temporal-test-server</artifactId><version>0</version>',
    '  <dependencies>',
    ...dependencies,
    '  </dependencies>',
    '</project>',
    '',
  ].join('\n');
}

/**
 * Java as javaHome() finds it ($JAVA_HOME, else PATH), started with nothing of the caller's environment
 * but PATH and HOME (JAVA_TOOL_OPTIONS and the like would change the JVM). A small heap and the C1
 * compiler only: the server holds a few test histories and must answer within the SDK's 5 s start window.
 */
function launcherScript(mainClass: string): string {
  return [
    '#!/bin/sh',
    'lib="$(dirname "$0")/../lib"',
    'java="${JAVA_HOME:+$JAVA_HOME/bin/}java"',
    'exec env -i PATH="$PATH" HOME="$HOME" "$java" -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \\',
    '  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$lib/*" ' + mainClass + ' "$@"',
    '',
  ].join('\n');
}
