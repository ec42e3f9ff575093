import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Writes a providers file with the `fever` provider pointing at `feedUrl`; `extra` adds YAML lines to it. */
export function writeProvidersFile(feedUrl: string, extra = ''): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'event-hub-providers-')), 'providers.yaml');
  writeFileSync(
    file,
    `providers:\n  - id: fever\n    kind: xml-event-list\n    url: ${feedUrl}\n    schedule: { every: 1h }\n` +
      `    requestTimeout: 3s\n${extra}`,
  );
  return file;
}
