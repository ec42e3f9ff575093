import { daysInMonth } from './days-in-month';
import { ianaZone } from './time-zone';

/** A wall-clock date and time with no offset, as providers write them (`2021-06-30T21:00:00`). */
export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/;
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** Strictly parses `YYYY-MM-DDTHH:mm:ss`; null for other shapes and for dates that do not exist. */
export function parseLocalDateTime(value: string): LocalDateTime | null {
  const match = LOCAL_DATE_TIME.exec(value);
  if (match === null) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  return { year, month, day, hour, minute, second };
}

/**
 * The instant a wall-clock value denotes in an IANA zone. In a DST gap (a time the clocks skip) the
 * value is shifted forward by the gap, as a clock that was not changed would read; in an overlap (a time
 * that happens twice) the earlier instant wins. This is RFC 5545's rule and Temporal's `compatible`
 * disambiguation. Luxon's own `fromObject` is not used because it resolves overlaps from the current
 * date's offset, so the same input would give different instants in summer and in winter.
 */
export function localDateTimeToInstant(local: LocalDateTime, timeZone: string): Date {
  const zone = ianaZone(timeZone);
  const wallMs = wallClockAsUtcMs(local);
  // Real zones change offset at most once in two days, so the offsets a day either side are the
  // only candidates.
  const offsetBefore = zone.offset(wallMs - DAY_MS);
  const offsetAfter = zone.offset(wallMs + DAY_MS);
  const early = wallMs - offsetBefore * MINUTE_MS;
  if (offsetBefore === offsetAfter) return new Date(early);
  const late = wallMs - offsetAfter * MINUTE_MS;
  const earlyFits = zone.offset(early) === offsetBefore;
  const lateFits = zone.offset(late) === offsetAfter;
  if (earlyFits && lateFits) return new Date(Math.min(early, late));
  if (lateFits) return new Date(late);
  return new Date(early);
}

function wallClockAsUtcMs(local: LocalDateTime): number {
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not read years 0-99 as 1900-1999.
  date.setUTCFullYear(local.year, local.month - 1, local.day);
  date.setUTCHours(local.hour, local.minute, local.second, 0);
  return date.getTime();
}
