import { daysInMonth } from '../../domain/days-in-month';

/** How to fit sub-millisecond digits into a JS Date: a lower bound rounds up, an upper bound rounds down. */
export type MillisecondRounding = 'floor' | 'ceil';

// RFC 3339 §5.6 `date-time`; "T" and "Z" may be lower case (§5.6 note), the offset is mandatory.
type Sextuple = [number, number, number, number, number, number];

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

/**
 * Parses an RFC 3339 date-time into the instant it denotes, or null when it is malformed or names an
 * impossible date or time (2021-02-30, 24:00:00, offset +25:00). A leap second (23:59:60 UTC) is the
 * instant after 23:59:59.999, which a JS Date spells as the next day's 00:00:00.
 */
export function parseRfc3339(text: string, rounding: MillisecondRounding = 'floor'): Date | null {
  const m = DATE_TIME.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as Sextuple;
  const offsetMinutes = m[8] ? 0 : offsetOf(m[9] as string, Number(m[10]), Number(m[11]));
  if (offsetMinutes === null || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
    return null;
  if (hour > 23 || minute > 59 || second > 60) return null;
  const utcMinuteOfDay = (((hour * 60 + minute - offsetMinutes) % 1440) + 1440) % 1440;
  if (second === 60 && utcMinuteOfDay !== 1439) return null;
  // Setters rather than Date.UTC, which maps years 0-99 to 1900-1999.
  const local = new Date(0);
  local.setUTCFullYear(year, month - 1, day);
  local.setUTCHours(hour, minute, second, fractionToMillis(m[7] ?? '', rounding));
  return new Date(local.getTime() - offsetMinutes * 60_000);
}

function offsetOf(sign: string, hours: number, minutes: number): number | null {
  if (hours > 23 || minutes > 59) return null;
  return (sign === '-' ? -1 : 1) * (hours * 60 + minutes);
}

// Digits, not floating point: Number('999.99999999999999') is 1000, which would round a floor up.
function fractionToMillis(digits: string, rounding: MillisecondRounding): number {
  const millis = Number(digits.slice(0, 3).padEnd(3, '0'));
  return rounding === 'ceil' && /[1-9]/.test(digits.slice(3)) ? millis + 1 : millis;
}
