import { addDays, todayIn } from '../../domain/calendar-date';
import type { AvailabilityWindow } from './availability-json-settings';

/** The dates (YYYY-MM-DD) a window covers at `now`: its days counted from today in `timeZone`. */
export function windowDates(window: AvailabilityWindow, timeZone: string, now: Date): string[] {
  const today = todayIn(timeZone, now);
  const [first, last] = window.days;
  return Array.from({ length: last - first + 1 }, (_, i) => addDays(today, first + i));
}
