import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { MissingPrerequisiteError, runCommand } from './run-command';

/** JAVA_HOME for Elasticsearch: $JAVA_HOME, else the JDK of `java` on PATH; requires Java 17 or newer. */
export async function javaHome(): Promise<string> {
  let home = process.env.JAVA_HOME;
  if (!home) {
    const which = await runCommand('sh', ['-c', 'command -v java']).catch(() => '');
    if (!which.trim()) {
      throw new MissingPrerequisiteError(
        'Elasticsearch needs Java 17 or newer (apt-get install openjdk-17-jre-headless), ' +
          'or set ELASTICSEARCH_URL to an existing node, or use docker-compose',
      );
    }
    home = path.resolve(path.dirname(await realpath(which.trim())), '..');
  }
  const version = await runCommand(path.join(home, 'bin', 'java'), ['-version']);
  const major = Number(/version "(\d+)/.exec(version)?.[1] ?? 0);
  if (major < 17)
    throw new MissingPrerequisiteError(`Elasticsearch needs Java 17 or newer; ${home} is Java ${major}`);
  return home;
}
