import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { projectRoot } from './stack/paths';
import { WORKFLOW_BUNDLE_PATH } from '../src/workflow-bundle-path';

/** Bundles the workflows once at build time, so workers load a file instead of running webpack at start. */
async function main(): Promise<void> {
  const { code } = await bundleWorkflowCode({
    workflowsPath: path.join(projectRoot, 'src/workflows/index.ts'),
  });
  const target = path.join(projectRoot, WORKFLOW_BUNDLE_PATH);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, code);
  process.stdout.write(`workflow bundle written to ${target} (${Buffer.byteLength(code)} bytes)\n`);
}

void main();
