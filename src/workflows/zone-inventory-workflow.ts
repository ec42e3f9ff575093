import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  continueAsNew,
  defineQuery,
  defineSignal,
  defineUpdate,
  log,
  proxyActivities,
  setHandler,
  sleep,
  workflowInfo,
} from '@temporalio/workflow';
import type { BookingActivities } from '../activities/bookings/create-booking-activities';
import type { ObservedCapacity } from '../activities/bookings/booking-activity-types';
import { isRefusal, type BookingRefusal } from '../domain/booking-refusal';
import {
  availabilityOf,
  bookingNumbered,
  forgetEndedBookings,
  newZoneInventory,
  nextExpiryMs,
  type Booking,
  type ZoneAvailability,
  type ZoneInventory,
  type ZoneRef,
} from '../domain/zone-inventory';
import {
  checkHold,
  confirmBooking,
  expireDueHolds,
  failPayment,
  observeCapacity,
  placeHold,
  type HoldRequest,
  type HoldResult,
  unknownBooking,
} from '../domain/zone-inventory-changes';

/** How a zone's workflow starts: seeded from the events index, or carrying a previous run's state. */
export interface ZoneInventoryInput {
  zone: ZoneRef;
  capacity: number;
  observedAt: string;
  carried?: { inventory: ZoneInventory; publishedSeq: number };
}

/** A payment outcome for one booking of the zone. */
export interface PaymentRequest {
  number: number;
  reference: string;
}

/** The zone as its workflow sees it now. */
export interface ZoneSnapshot {
  zone: ZoneRef;
  availability: ZoneAvailability;
  capacityObservedAt: string;
  seq: number;
}

export const holdUpdate = defineUpdate<HoldResult, [HoldRequest]>('hold');
export const confirmUpdate = defineUpdate<Booking, [PaymentRequest]>('confirm');
export const releaseUpdate = defineUpdate<Booking, [PaymentRequest]>('release');
/** A sync saw the provider report another capacity for this zone. */
export const capacitySignal = defineSignal<[ObservedCapacity]>('capacity');
export const bookingQuery = defineQuery<Booking | BookingRefusal, [number]>('booking');
export const zoneQuery = defineQuery<ZoneSnapshot>('zone');

/** Read-model writes retry until Elasticsearch is back; sales never wait on them. */
const { registerZone, publishZone } = proxyActivities<BookingActivities>({
  startToCloseTimeout: '30s',
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '30s' },
});

/**
 * Updates per run before continuing as new: well below Temporal's 2,000 per run, and about 5,000 history
 * events with their read-model writes, so a worker that lost the run from its cache replays it quickly.
 */
const MAX_UPDATES_PER_RUN = 500;

/**
 * The seats of one zone: holds, payments, expiries and the provider's capacity, decided here and nowhere
 * else. Runs as long as the zone sells, continuing as new when Temporal suggests it.
 */
export async function zoneInventoryWorkflow(input: ZoneInventoryInput): Promise<void> {
  const inventory =
    input.carried?.inventory ?? newZoneInventory(input.zone, input.capacity, input.observedAt);
  const run = { updates: 0, publishedSeq: input.carried?.publishedSeq ?? 0 };
  installHandlers(inventory, run);
  if (!input.carried) void observeIndexedCapacity(inventory);
  void publishChanges(inventory, run);

  const shouldContinueAsNew = () =>
    workflowInfo().continueAsNewSuggested || run.updates >= MAX_UPDATES_PER_RUN;
  for (;;) {
    const seen = inventory.seq;
    const expiry = nextExpiryMs(inventory);
    const woken = () => inventory.seq !== seen || shouldContinueAsNew();
    if (expiry === undefined) await condition(woken);
    else await condition(woken, Math.max(1, expiry - Date.now()));
    expireDueHolds(inventory, Date.now());
    if (shouldContinueAsNew()) break;
  }
  // A read-model write finishing during the continue-as-new task would fail that task; let it land first.
  await condition(() => inventory.seq === run.publishedSeq, '5s');
  await condition(allHandlersFinished);
  log.info('continuing as new', { updates: run.updates, historyLength: workflowInfo().historyLength });
  forgetEndedBookings(inventory, Date.now(), run.publishedSeq);
  await continueAsNew<typeof zoneInventoryWorkflow>({
    ...input,
    carried: { inventory, publishedSeq: run.publishedSeq },
  });
}

function installHandlers(inventory: ZoneInventory, run: { updates: number }): void {
  // Handlers never await: each decides and records in one step, so no two interleave.
  setHandler(
    holdUpdate,
    (request) => {
      run.updates++;
      return orRefuse(placeHold(inventory, request, Date.now()));
    },
    {
      validator: (request: HoldRequest) => {
        const refused = checkHold(inventory, request);
        if (refused) orRefuse(refused);
      },
    },
  );
  const validateBooking = ({ number }: PaymentRequest) => {
    if (!bookingNumbered(inventory, number)) orRefuse(unknownBooking(inventory, number));
  };
  setHandler(
    confirmUpdate,
    ({ number, reference }) => {
      run.updates++;
      return orRefuse(confirmBooking(inventory, number, reference, Date.now()));
    },
    { validator: validateBooking },
  );
  setHandler(
    releaseUpdate,
    ({ number, reference }) => {
      run.updates++;
      return orRefuse(failPayment(inventory, number, reference, Date.now()));
    },
    { validator: validateBooking },
  );
  setHandler(capacitySignal, ({ capacity, observedAt }) => {
    observeCapacity(inventory, capacity, observedAt, Date.now());
  });
  setHandler(
    bookingQuery,
    (number) => bookingNumbered(inventory, number) ?? unknownBooking(inventory, number),
  );
  setHandler(zoneQuery, () => ({
    zone: inventory.zone,
    availability: availabilityOf(inventory),
    capacityObservedAt: inventory.capacityObservedAt,
    seq: inventory.seq,
  }));
}

/**
 * Makes the zone findable by syncs, then reads its capacity from the events index: a sync that wrote a
 * new capacity before the zone was findable is seen here, one after it signals (see reconcileZones).
 */
async function observeIndexedCapacity(inventory: ZoneInventory): Promise<void> {
  const observed = await registerZone(inventory.zone, availabilityOf(inventory));
  if (observed) observeCapacity(inventory, observed.capacity, observed.observedAt, Date.now());
}

/**
 * At most this often a busy zone writes to the read model: each write takes an activity and two workflow
 * tasks, so a zone selling many seats a second writes its changes together (well within the 2 s readers
 * may wait), while a quiet zone's change goes out at once.
 */
const PUBLISH_INTERVAL_MS = 250;

/** Writes the zone's changes to the read model, oldest first, one write at a time. */
async function publishChanges(inventory: ZoneInventory, run: { publishedSeq: number }): Promise<void> {
  let lastPublishMs = 0;
  for (;;) {
    await condition(() => inventory.seq > run.publishedSeq);
    const sinceLast = Date.now() - lastPublishMs;
    if (sinceLast < PUBLISH_INTERVAL_MS) await sleep(PUBLISH_INTERVAL_MS - sinceLast);
    lastPublishMs = Date.now();
    const seq = inventory.seq;
    try {
      await publishZone({
        zone: inventory.zone,
        seq,
        capacityObservedAt: inventory.capacityObservedAt,
        availability: availabilityOf(inventory),
        bookings: inventory.bookings.filter((b) => b.version > run.publishedSeq),
        at: new Date(Date.now()).toISOString(),
      });
      run.publishedSeq = seq;
    } catch (error) {
      log.warn('read model not updated; trying again', { error: (error as Error).message });
      await sleep('30s');
    }
  }
}

function orRefuse<T extends object>(result: T | BookingRefusal): T {
  if (isRefusal(result))
    throw ApplicationFailure.create({ type: result.refused, message: result.message, nonRetryable: true });
  return result;
}
