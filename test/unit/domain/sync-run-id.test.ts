import { splitSyncRunId, syncRunId } from '../../../src/domain/sync-run-id';

describe('sync run ids', () => {
  it('split back into the workflow id and run id they were made of', () => {
    const runId = syncRunId('sync-fever.eventhub', '01a228ab-7a19-7188-82b3-92551d0cb8a6');
    expect(splitSyncRunId(runId)).toEqual({
      workflowId: 'sync-fever.eventhub',
      firstExecutionRunId: '01a228ab-7a19-7188-82b3-92551d0cb8a6',
    });
  });

  it('are refused when they have no workflow id part', () => {
    expect(splitSyncRunId('no-separator')).toBeNull();
    expect(splitSyncRunId('#run')).toBeNull();
  });
});
