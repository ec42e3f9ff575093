import { readableLogLine } from './readable-log-line';

/**
 * How `make run` shows a child's output line: readable when a person watches a terminal, as written
 * otherwise, so piped output keeps the JSON the log files keep. Lines that are not pino JSON keep
 * the child's name in front.
 */
export function echoLineFormat(
  terminal: { isTTY?: boolean },
  env: NodeJS.ProcessEnv,
): (name: string, line: string) => string {
  if (!terminal.isTTY) return (name, line) => `[${name}] ${line}`;
  // https://no-color.org: any non-empty NO_COLOR turns colours off.
  const colors = !env.NO_COLOR;
  return (name, line) => readableLogLine(line, name, { colors }) ?? `[${name}] ${line}`;
}
