import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A schedule that never fires (February 30th): tests trigger their runs themselves. An interval would
 * fire on its epoch-aligned boundary (`every: 1h` at the top of each hour) in the middle of a test.
 */
const NEVER = "{ cron: '0 0 30 2 *' }";

/** Writes a providers file with the `fever` provider pointing at `feedUrl`; `extra` adds YAML lines to it. */
export function writeProvidersFile(feedUrl: string, extra = ''): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'event-hub-providers-')), 'providers.yaml');
  writeFileSync(
    file,
    `providers:\n  - id: fever\n    kind: xml-event-list\n    url: ${feedUrl}\n    schedule: ${NEVER}\n` +
      `    requestTimeout: 3s\n${extra}`,
  );
  return file;
}
