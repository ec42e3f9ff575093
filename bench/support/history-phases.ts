import type { temporal } from '@temporalio/proto';

type Long = { toNumber(): number };
type History = temporal.api.history.v1.IHistory;

/** One activity execution: its type and when it was scheduled and completed (epoch ms). */
export interface ActivitySpan {
  name: string;
  from: number;
  to: number;
}

/** Where a run's time went, read from its workflow history. */
export interface HistoryPhases {
  /** Seconds per activity type; what the run spent outside activities is `workflow`. */
  seconds: Record<string, number>;
  spans: ActivitySpan[];
}

/**
 * Times each activity from its scheduling to its completion (`fetchFeed`, `parseFeed`, `indexEvents`,
 * `finishRun`...); retried attempts are inside their activity's time.
 */
export function historyPhases(history: History): HistoryPhases {
  const events = history.events ?? [];
  const scheduled = new Map<number, { name: string; at: number }>();
  const spans: ActivitySpan[] = [];
  for (const event of events) {
    const at = millis(event.eventTime);
    const attributes = event.activityTaskScheduledEventAttributes;
    if (attributes)
      scheduled.set(toNumber(event.eventId), { name: attributes.activityType?.name ?? '?', at });
    const completed = event.activityTaskCompletedEventAttributes;
    const activity = completed && scheduled.get(toNumber(completed.scheduledEventId));
    if (activity) spans.push({ name: activity.name, from: activity.at, to: at });
  }
  const seconds: Record<string, number> = {};
  for (const span of spans)
    seconds[span.name] = round((seconds[span.name] ?? 0) + (span.to - span.from) / 1000);
  const total = (millis(events.at(-1)?.eventTime) - millis(events[0]?.eventTime)) / 1000;
  seconds.workflow = round(total - spans.reduce((sum, span) => sum + (span.to - span.from) / 1000, 0));
  return { seconds, spans };
}

function millis(time: temporal.api.history.v1.IHistoryEvent['eventTime']): number {
  if (!time) return 0;
  return toNumber(time.seconds) * 1000 + (time.nanos ?? 0) / 1e6;
}

function toNumber(value: number | Long | null | undefined): number {
  if (value === null || value === undefined) return 0;
  return typeof value === 'number' ? value : value.toNumber();
}

function round(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}
