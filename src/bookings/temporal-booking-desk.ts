import { createHash } from 'node:crypto';
import {
  ServiceError,
  WithStartWorkflowOperation,
  WorkflowUpdateFailedError,
  type Client,
} from '@temporalio/client';
import { ApplicationFailure, WorkflowNotFoundError } from '@temporalio/common';
import { parseBookingId } from '../domain/booking-id';
import { isRefusal, refusal, type BookingRefusal, type BookingRefusalCode } from '../domain/booking-refusal';
import type { ZoneRef } from '../domain/zone-inventory';
import type { StoredBooking } from '../search/booking-document';
import type { EventSearch } from '../search/event-search';
import {
  bookingQuery,
  confirmUpdate,
  holdUpdate,
  releaseUpdate,
  zoneInventoryWorkflow,
} from '../workflows/zone-inventory-workflow';
import type { BookingDesk, HoldCommand, PaymentOutcome } from './booking-desk';
import {
  BookingRefusedError,
  BookingsUnavailableError,
  UnknownBookingError,
  ZoneBusyError,
} from './booking-errors';
import { bookingView, heldBookingView, storedBookingView, type BookingView } from './booking-view';
import { retryInterruptedUpdate } from './retry-interrupted-update';
import { AdmissionGate } from '../api/http/admission-gate';
import { ZoneSeeds } from './zone-seeds';
import { zoneWorkflowId } from './zone-workflow-id';

/** Bookings the zone workflows no longer keep, read from the read model. */
export interface StoredBookings {
  storedBooking(bookingId: string): Promise<StoredBooking | null>;
}

/** Settings of the booking desk, from the configuration. */
export interface BookingDeskOptions {
  /** The index prefix: zone workflow ids carry it. */
  deployment: string;
  taskQueue: string;
  holdTtlMs: number;
  maxQuantity: number;
  zoneConcurrency: number;
  /** Longest a request waits on Temporal before answering 503 (default 10 s). */
  deadlineMs?: number;
}

/** Sends booking requests to the zone's entity workflow, starting it on the first hold (Update-with-Start). */
export class TemporalBookingDesk implements BookingDesk {
  private readonly gate: AdmissionGate;
  private readonly seeds: ZoneSeeds;

  constructor(
    private readonly client: Client,
    events: EventSearch,
    private readonly stored: StoredBookings,
    private readonly options: BookingDeskOptions,
  ) {
    this.gate = new AdmissionGate(options.zoneConcurrency);
    this.seeds = new ZoneSeeds(events);
  }

  async hold(command: HoldCommand): Promise<BookingView> {
    const { zone, capacity, observedAt } = await this.seeds.seedOf(command.eventId, command.zoneKey);
    const key = `${command.consumer}:${command.idempotencyKey}`;
    // The body's digest is part of the Update id: Temporal answers a repeated id with the first result
    // without asking the workflow, which must see a reused key with another body to refuse it.
    const fingerprint = digest(JSON.stringify([command.eventId, command.zoneKey, command.quantity]));
    const workflowId = zoneWorkflowId(this.options.deployment, zone);
    const held = await this.call('hold', workflowId, () =>
      // A start operation can be used once: each attempt builds its own.
      this.client.workflow.executeUpdateWithStart(holdUpdate, {
        updateId: `hold:${key}:${fingerprint}`,
        args: [
          {
            key,
            fingerprint,
            quantity: command.quantity,
            maxQuantity: this.options.maxQuantity,
            ttlMs: this.options.holdTtlMs,
          },
        ],
        startWorkflowOperation: new WithStartWorkflowOperation(zoneInventoryWorkflow, {
          workflowId,
          taskQueue: this.options.taskQueue,
          args: [{ zone, capacity, observedAt }],
          workflowIdConflictPolicy: 'USE_EXISTING',
        }),
      }),
    );
    return heldBookingView(zone, held);
  }

  async pay(bookingId: string, outcome: PaymentOutcome): Promise<BookingView> {
    const { zone, number } = this.parse(bookingId);
    const update = outcome.status === 'succeeded' ? confirmUpdate : releaseUpdate;
    const workflowId = zoneWorkflowId(this.options.deployment, zone);
    const booking = await this.call('payment', workflowId, () =>
      this.client.workflow.getHandle(workflowId).executeUpdate(update, {
        updateId: `${update.name}:${number}:${digest(outcome.reference)}`,
        args: [{ number, reference: outcome.reference }],
      }),
    ).catch((error: unknown) => this.answerForgotten(error, bookingId, outcome));
    return 'id' in booking ? booking : bookingView(zone, booking);
  }

  async find(bookingId: string): Promise<BookingView> {
    const { zone, number } = this.parse(bookingId);
    const workflowId = zoneWorkflowId(this.options.deployment, zone);
    const kept = await this.call('lookup', workflowId, () =>
      this.client.workflow.getHandle(workflowId).query(bookingQuery, number),
    );
    if (!isRefusal(kept)) return bookingView(zone, kept);
    if (kept.refused !== 'booking_forgotten') throw new UnknownBookingError(kept.message);
    return this.storedView(bookingId);
  }

  private parse(bookingId: string): { zone: ZoneRef; number: number } {
    const parsed = parseBookingId(bookingId);
    if (!parsed) throw new UnknownBookingError(`no booking ${bookingId}`);
    return parsed;
  }

  /** A payment for a booking the workflow no longer keeps: the read model says how it ended. */
  private async answerForgotten(
    error: unknown,
    bookingId: string,
    outcome: PaymentOutcome,
  ): Promise<BookingView> {
    if (!(error instanceof BookingRefusedError) || error.refusal.refused !== 'booking_forgotten') throw error;
    const stored = await this.storedView(bookingId);
    const confirmed = stored.status === 'confirmed';
    if (outcome.status === 'failed' && confirmed)
      throw new BookingRefusedError(
        refusal('booking_confirmed', 'the booking is already paid and confirmed'),
      );
    if (outcome.status === 'failed' || confirmed) return stored;
    throw new BookingRefusedError(
      stored.status === 'expired'
        ? refusal('hold_expired', `the hold expired at ${stored.expires_at}, before the payment`)
        : refusal('booking_released', 'the booking was released'),
    );
  }

  private async storedView(bookingId: string): Promise<BookingView> {
    const stored = await this.stored.storedBooking(bookingId).catch((cause: unknown) => {
      throw new BookingsUnavailableError('booking lookup failed', { cause });
    });
    if (!stored) throw new UnknownBookingError(`no booking ${bookingId}`);
    return storedBookingView(stored);
  }

  /**
   * One call to a zone's workflow: admitted by the gate, bounded in time, its failures typed. Holds,
   * payments and lookups queue apart, so buyers retrying a sold-out zone never hold a payment back.
   */
  private async call<T>(
    lane: 'hold' | 'payment' | 'lookup',
    workflowId: string,
    work: () => Promise<T>,
  ): Promise<T> {
    const deadline = Date.now() + (this.options.deadlineMs ?? 10_000);
    const passed = await this.gate
      .pass(`${workflowId}#${lane}`, () =>
        this.client.withDeadline(deadline, () => retryInterruptedUpdate(work)),
      )
      .catch((error: unknown) => {
        throw typed(error);
      });
    if (passed.busy) throw new ZoneBusyError(`zone ${workflowId} has requests in flight`);
    return passed.value;
  }
}

// gRPC status codes (grpc/doc/statuscodes.md) the Temporal service answers with.
const GRPC_NOT_FOUND = 5;
const GRPC_RESOURCE_EXHAUSTED = 8;

function typed(error: unknown): Error {
  if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure)
    return new BookingRefusedError(refusalOf(error.cause));
  if (error instanceof WorkflowNotFoundError) return new UnknownBookingError('no such booking');
  const code = (error as { cause?: { code?: unknown } }).cause?.code;
  if (error instanceof ServiceError && code === GRPC_NOT_FOUND)
    return new UnknownBookingError('no such booking');
  if (error instanceof ServiceError && code === GRPC_RESOURCE_EXHAUSTED)
    return new ZoneBusyError('Temporal has as many requests for this zone as it takes', { cause: error });
  return new BookingsUnavailableError('Temporal did not answer the booking request', { cause: error });
}

function refusalOf(failure: ApplicationFailure): BookingRefusal {
  return { refused: (failure.type ?? 'booking_not_found') as BookingRefusalCode, message: failure.message };
}

function digest(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('base64url').slice(0, 16);
}
