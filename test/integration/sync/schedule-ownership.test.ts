import { Client, Connection, ScheduleNotFoundError, type ScheduleOptions } from '@temporalio/client';
import pino from 'pino';
import { ensureSchedules, type ScheduleMark } from '../../../src/schedules/ensure-schedules';
import { syncIdsOf } from '../../../src/schedules/sync-ids';
import { STAGED_FEVER } from './support/activities-on-test-indices';
import { uniqueName } from '../../support/test-config';
import { waitFor } from '../../support/wait-for';

const logger = pino({ level: 'silent' });

/** A schedule as another deployment, another service or an earlier version of this one left it. */
function schedule(scheduleId: string, taskQueue: string, memo?: ScheduleMark): ScheduleOptions {
  return {
    scheduleId,
    spec: { intervals: [{ every: '1h' }] },
    action: { type: 'startWorkflow', workflowType: 'anyWorkflow', workflowId: scheduleId, taskQueue },
    memo,
  };
}

describe('ensureSchedules in a namespace shared with others', () => {
  let connection: Connection;
  let client: Client;
  const created: string[] = [];

  beforeAll(async () => {
    connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS });
    client = new Client({ connection });
  });

  afterAll(async () => {
    for (const id of created) {
      await client.schedule
        .getHandle(id)
        .delete()
        .catch(() => undefined);
    }
    await connection.close();
  });

  async function exists(scheduleId: string): Promise<boolean> {
    try {
      await client.schedule.getHandle(scheduleId).describe();
      return true;
    } catch (error) {
      if (error instanceof ScheduleNotFoundError) return false;
      throw error;
    }
  }

  async function createAll(schedules: ScheduleOptions[]): Promise<void> {
    for (const options of schedules) {
      await client.schedule.create(options);
      created.push(options.scheduleId);
    }
    const ids = new Set(schedules.map((s) => s.scheduleId));
    await waitFor('the new schedules to be listed', async () => {
      let listed = 0;
      for await (const s of client.schedule.list()) if (ids.has(s.scheduleId)) listed += 1;
      return listed === ids.size;
    });
  }

  it("deletes only this deployment's schedules of providers it no longer has", async () => {
    const deployment = uniqueName('own');
    const other = uniqueName('other');
    const taskQueue = uniqueName('queue');
    const mine = (providerId: string): ScheduleMark => ({
      managedBy: 'event-hub',
      deployment,
      providerId,
      scope: 'feed',
    });
    const gone = syncIdsOf(deployment, 'gone').scheduleId;
    const othersGone = syncIdsOf(other, 'gone').scheduleId;
    const foreign = uniqueName('sync-report');
    await createAll([
      schedule(gone, taskQueue, mine('gone')),
      schedule(othersGone, uniqueName('queue'), {
        managedBy: 'event-hub',
        deployment: other,
        providerId: 'gone',
      }),
      schedule(foreign, taskQueue),
    ]);

    await ensureSchedules(client, [STAGED_FEVER], { taskQueue, deployment }, logger);
    const fever = syncIdsOf(deployment, 'fever').scheduleId;
    created.push(fever);

    expect(await exists(gone)).toBe(false);
    expect(await exists(othersGone)).toBe(true);
    expect(await exists(foreign)).toBe(true);
    expect((await client.schedule.getHandle(fever).describe()).memo).toEqual(mine('fever'));
  });

  it('takes over the schedule another worker creates between its update and its create', async () => {
    const deployment = uniqueName('own');
    const taskQueue = uniqueName('queue');
    const fever = syncIdsOf(deployment, 'fever').scheduleId;
    created.push(fever);
    const mark: ScheduleMark = { managedBy: 'event-hub', deployment, providerId: 'fever', scope: 'feed' };
    // The other worker's schedule appears just after this one found none to update.
    let raced = false;
    const racing = {
      schedule: {
        create: (options: ScheduleOptions) => client.schedule.create(options),
        list: () => client.schedule.list(),
        getHandle(scheduleId: string) {
          const handle = client.schedule.getHandle(scheduleId);
          if (scheduleId !== fever || raced) return handle;
          return Object.assign(Object.create(handle) as typeof handle, {
            async update() {
              raced = true;
              await client.schedule.create(schedule(fever, taskQueue, mark));
              throw new ScheduleNotFoundError('no schedule yet', fever);
            },
          });
        },
      },
    } as unknown as Client;

    await ensureSchedules(racing, [STAGED_FEVER], { taskQueue, deployment }, logger);

    const described = await client.schedule.getHandle(fever).describe();
    expect(raced).toBe(true);
    expect(described.spec.intervals).toEqual([expect.objectContaining({ every: 5 * 60_000 })]);
    expect(described.action).toMatchObject({ workflowType: 'scheduledSyncWorkflow', taskQueue });
  });

  it('deletes the unmarked schedule an earlier version made for a provider on its own task queue only', async () => {
    const deployment = uniqueName('own');
    const provider = { ...STAGED_FEVER, id: uniqueName('legacy') };
    const ownQueue = uniqueName('queue');
    const elsewhere = { ...STAGED_FEVER, id: uniqueName('legacy') };
    await createAll([
      schedule(`sync-${provider.id}`, ownQueue),
      schedule(`sync-${elsewhere.id}`, uniqueName('queue')),
    ]);

    await ensureSchedules(client, [provider, elsewhere], { taskQueue: ownQueue, deployment }, logger);
    created.push(
      syncIdsOf(deployment, provider.id).scheduleId,
      syncIdsOf(deployment, elsewhere.id).scheduleId,
    );

    expect(await exists(`sync-${provider.id}`)).toBe(false);
    expect(await exists(`sync-${elsewhere.id}`)).toBe(true);
  });
});
