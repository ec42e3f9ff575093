import { spawn } from 'node:child_process';

/** Thrown when a tool the stack needs is not installed. */
export class MissingPrerequisiteError extends Error {
  override name = 'MissingPrerequisiteError';
}

/** Runs a command to completion, capturing output; rejects with its output on a non-zero exit. */
export function runCommand(command: string, args: string[], options: { cwd?: string } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'ENOENT' ? new MissingPrerequisiteError(`${command} is not installed`) : error),
    );
    child.on('close', (code) =>
      code === 0
        ? resolve(output)
        : reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${output.slice(-4000)}`)),
    );
  });
}

/** True when `command` can be started. */
export async function hasCommand(command: string, versionArgs: string[] = ['--version']): Promise<boolean> {
  try {
    await runCommand(command, versionArgs);
    return true;
  } catch {
    return false;
  }
}
