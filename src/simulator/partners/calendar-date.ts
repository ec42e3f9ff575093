const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A civil date as the partner API takes it: `2026-12-03`, its day number and its weekday. */
export interface CalendarDate {
  iso: string;
  /** Whole days since 1970-01-01, so dates compare and hash as plain integers. */
  day: number;
  /** 0 is Sunday, as `Date.getUTCDay()` counts. */
  weekday: number;
}

/** Parses `YYYY-MM-DD`; null when it is not that shape or not a real date (`2026-02-30`). */
export function parseCalendarDate(text: string | null | undefined): CalendarDate | null {
  const match = ISO_DATE.exec(text ?? '');
  if (!match) return null;
  const [year, month, dayOfMonth] = match.slice(1).map(Number) as [number, number, number];
  const ms = Date.UTC(year, month - 1, dayOfMonth);
  const date = new Date(ms);
  // Date.UTC rolls 2026-02-30 over to March 2; a real date survives the round trip unchanged.
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== dayOfMonth) return null;
  return { iso: text as string, day: ms / DAY_MS, weekday: date.getUTCDay() };
}

/** The UTC day number of an instant, comparable with {@link CalendarDate.day}. */
export function dayNumberOf(epochMs: number): number {
  return Math.floor(epochMs / DAY_MS);
}
