import { parseLocalDateTime, type LocalDateTime } from '../../domain/local-date-time';
import type { RawAttributes } from './raw-session';

/** A wall-clock attribute: the text the provider wrote and the date-time it means. */
export interface WallClockValue {
  text: string;
  local: LocalDateTime;
}

const COUNT = /^\d+$/;
const AMOUNT = /^\d+(?:\.\d+)?$/;
// Values are quoted into reject reasons; a huge attribute must not make a huge reason.
const MAX_QUOTED_CHARS = 80;

/**
 * Reads typed attribute values from one element, recording every problem in `issues` instead of
 * stopping at the first, so a reject lists all that is wrong with an event. A failed read returns a
 * placeholder that the caller never uses, because any issue rejects the event.
 */
export class AttributeReader {
  constructor(
    private readonly attributes: RawAttributes,
    private readonly issues: string[],
    /** Names the element in reasons: `''` for the event itself, `base_event.`, `zones[3].`. */
    private readonly prefix = '',
  ) {}

  /** Any text, empty included. */
  text(name: string): string {
    return this.attributes[name] ?? this.fail(name, 'missing', '');
  }

  /** A non-empty identifier. */
  id(name: string): string {
    const value = this.attributes[name];
    if (value === undefined) return this.fail(name, 'missing', '');
    return value === '' ? this.fail(name, 'must not be empty', '') : value;
  }

  /** An identifier that may be absent; absent and empty both read as null. */
  optionalId(name: string): string | null {
    const value = this.attributes[name];
    return value === undefined || value === '' ? null : value;
  }

  /** A non-negative integer such as a capacity. */
  count(name: string): number {
    const value = this.attributes[name];
    if (value === undefined) return this.fail(name, 'missing', 0);
    const count = COUNT.test(value) ? Number(value) : NaN;
    return Number.isSafeInteger(count) ? count : this.invalid(name, value, 'a non-negative integer', 0);
  }

  /** A non-negative decimal such as a price (`20.00`). */
  amount(name: string): number {
    const value = this.attributes[name];
    if (value === undefined) return this.fail(name, 'missing', 0);
    const amount = AMOUNT.test(value) ? Number(value) : NaN;
    return Number.isFinite(amount) ? amount : this.invalid(name, value, 'a non-negative number', 0);
  }

  /** A boolean written exactly `true` or `false`. */
  flag(name: string): boolean {
    const value = this.attributes[name];
    if (value === 'true' || value === 'false') return value === 'true';
    return value === undefined
      ? this.fail(name, 'missing', false)
      : this.invalid(name, value, 'true or false', false);
  }

  /** A required `YYYY-MM-DDTHH:mm:ss` value that names a real date and time. */
  dateTime(name: string): WallClockValue | null {
    const value = this.attributes[name];
    return value === undefined ? this.fail(name, 'missing', null) : this.wallClock(name, value);
  }

  /** Like dateTime, but absence (or an empty value) reads as null. */
  optionalDateTime(name: string): WallClockValue | null {
    const value = this.attributes[name];
    return value === undefined || value === '' ? null : this.wallClock(name, value);
  }

  private wallClock(name: string, text: string): WallClockValue | null {
    const local = parseLocalDateTime(text);
    return local === null
      ? this.invalid(name, text, 'a valid YYYY-MM-DDTHH:mm:ss date-time', null)
      : { text, local };
  }

  private invalid<T>(name: string, value: string, expected: string, placeholder: T): T {
    return this.fail(name, `${quote(value)} is not ${expected}`, placeholder);
  }

  private fail<T>(name: string, problem: string, placeholder: T): T {
    this.issues.push(`${this.prefix}${name}: ${problem}`);
    return placeholder;
  }
}

function quote(value: string): string {
  return JSON.stringify(value.length > MAX_QUOTED_CHARS ? `${value.slice(0, MAX_QUOTED_CHARS)}…` : value);
}
