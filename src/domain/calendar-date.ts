import { DateTime } from 'luxon';
import { ianaZone } from './time-zone';
import { parseLocalDateTime } from './local-date-time';

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Whether `value` is a `YYYY-MM-DD` date that exists (2026-02-30 does not). */
export function isCalendarDate(value: string): boolean {
  return CALENDAR_DATE.test(value) && parseLocalDateTime(`${value}T00:00:00`) !== null;
}

/** The `YYYY-MM-DD` date `days` after `date` (before, when negative). */
export function addDays(date: string, days: number): string {
  // Calendar arithmetic in UTC: a date has no time zone, and UTC has no day of 23 or 25 hours.
  return DateTime.fromISO(date, { zone: 'utc' }).plus({ days }).toISODate()!;
}

/** Today's `YYYY-MM-DD` date on the wall clocks of `timeZone` at the instant `now`. */
export function todayIn(timeZone: string, now: Date): string {
  return DateTime.fromJSDate(now, { zone: ianaZone(timeZone) }).toISODate()!;
}
