import { isCalendarDate } from '../../domain/calendar-date';

const TIME = /^(\d{2}):(\d{2})(?::(\d{2}))?$/;
const CURRENCY = /^[A-Z]{3}$/;
// Values are quoted into reject reasons; a huge value must not make a huge reason.
const MAX_QUOTED_CHARS = 80;

/**
 * Reads typed fields of one JSON object of a partner's answer, recording every problem in `issues` instead
 * of stopping at the first, so a reject lists all that is wrong with a slot. A failed read returns a
 * placeholder the caller never uses, because any issue rejects the slot.
 */
export class JsonFieldReader {
  private constructor(
    private readonly fields: Record<string, unknown>,
    private readonly issues: string[],
    /** Names the object in reasons: `''` for the slot itself, `paxAvailability[2].`, `...price.`. */
    private readonly prefix: string,
  ) {}

  /** A reader of `value`, or null (with an issue named `path`) when it is not a JSON object. */
  static of(value: unknown, issues: string[], path: string, prefix: string): JsonFieldReader | null {
    if (typeof value === 'object' && value !== null && !Array.isArray(value))
      return new JsonFieldReader(value as Record<string, unknown>, issues, prefix);
    issues.push(`${path}: ${quote(value)} is not an object`);
    return null;
  }

  /** A non-empty string. */
  text(name: string): string {
    const value = this.fields[name];
    if (typeof value === 'string' && value !== '') return value;
    return this.invalid(name, 'a non-empty string', '');
  }

  /** A string that may be absent or null. */
  optionalText(name: string): string | null {
    const value = this.fields[name];
    if (value === undefined || value === null) return null;
    return typeof value === 'string' ? value : this.invalid(name, 'a string', null);
  }

  /** A non-negative integer such as a count of places. */
  count(name: string): number {
    const value = this.fields[name];
    if (Number.isSafeInteger(value) && (value as number) >= 0) return value as number;
    return this.invalid(name, 'a non-negative integer', 0);
  }

  /** An integer that may be absent or null. */
  optionalInteger(name: string): number | null {
    const value = this.fields[name];
    if (value === undefined || value === null) return null;
    return Number.isSafeInteger(value) ? (value as number) : this.invalid(name, 'an integer', null);
  }

  /** A non-negative number such as a price. */
  amount(name: string): number {
    const value = this.fields[name];
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value;
    return this.invalid(name, 'a non-negative number', 0);
  }

  /** A boolean; `fallback` when absent. */
  flag(name: string, fallback: boolean): boolean {
    const value = this.fields[name];
    if (value === undefined) return fallback;
    return typeof value === 'boolean' ? value : this.invalid(name, 'true or false', fallback);
  }

  /** A `YYYY-MM-DD` date that exists. */
  date(name: string): string {
    const value = this.fields[name];
    if (typeof value === 'string' && isCalendarDate(value)) return value;
    return this.invalid(name, 'a valid YYYY-MM-DD date', '');
  }

  /** A wall-clock `HH:mm` or `HH:mm:ss` time of day (00:00 to 23:59:59). */
  time(name: string): string {
    const value = this.fields[name];
    const match = typeof value === 'string' ? TIME.exec(value) : null;
    if (match && Number(match[1]) <= 23 && Number(match[2]) <= 59 && Number(match[3] ?? 0) <= 59)
      return value as string;
    return this.invalid(name, 'a valid HH:mm time', '');
  }

  /** An ISO 4217 currency code (`EUR`). */
  currency(name: string): string {
    const value = this.fields[name];
    if (typeof value === 'string' && CURRENCY.test(value)) return value;
    return this.invalid(name, 'a currency code such as EUR', '');
  }

  /** An array (empty allowed), or null when it is none. */
  array(name: string): unknown[] | null {
    const value = this.fields[name];
    return Array.isArray(value) ? value : this.invalid(name, 'an array', null);
  }

  /** A reader of the nested object `name`, or null (with an issue) when it is not an object. */
  object(name: string): JsonFieldReader | null {
    const value = this.fields[name];
    if (value === undefined) return this.invalid(name, 'an object', null);
    return JsonFieldReader.of(value, this.issues, `${this.prefix}${name}`, `${this.prefix}${name}.`);
  }

  private invalid<T>(name: string, expected: string, placeholder: T): T {
    const value = this.fields[name];
    this.issues.push(
      value === undefined
        ? `${this.prefix}${name}: missing`
        : `${this.prefix}${name}: ${quote(value)} is not ${expected}`,
    );
    return placeholder;
  }
}

function quote(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > MAX_QUOTED_CHARS ? `${text.slice(0, MAX_QUOTED_CHARS - 1)}…` : text;
}
