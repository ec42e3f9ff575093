import { z } from 'zod';
import type { SearchWindow } from '../../search/event-search';
import { InvalidQueryError, InvalidRangeError } from '../api-errors';
import { describeFirstIssue } from '../http/describe-first-issue';
import { readQueryParams } from '../http/read-query-params';
import { parseRfc3339 } from './parse-rfc3339';
import type { MillisecondRounding } from './parse-rfc3339';

/** A validated search: the window as instants, and the cache key those instants normalize to. */
export interface SearchQuery {
  window: SearchWindow;
  /** Same instants, same key, whatever offset or precision the caller wrote them in. */
  key: string;
}

// The longest RFC 3339 date-time with nanoseconds and an offset is 35 characters.
const MAX_VALUE_LENGTH = 64;
const PARAMS = ['starts_at', 'ends_at'] as const;
const MEMO_LIMIT = 1024;
// Elasticsearch reads the bounds as RFC 3339 date-times, whose years stop at 0000-9999 in UTC; an offset can carry
// a bound past them (0000-01-01T00:00:00+01:00), and Elasticsearch would fail the whole query.
const EARLIEST = Date.parse('0000-01-01T00:00:00Z');
const LATEST = Date.parse('9999-12-31T23:59:59.999Z');
// Callers repeat the same few windows; remembering the parse of a raw query string skips it on the hot path.
const memo = new Map<string, SearchQuery>();

function dateTimeParam(rounding: MillisecondRounding) {
  return z
    .string()
    .min(1, 'must not be empty')
    .max(MAX_VALUE_LENGTH, `must be at most ${MAX_VALUE_LENGTH} characters`)
    .transform((raw, ctx) => {
      const instant = parseRfc3339(restorePlus(raw), rounding);
      if (instant && instant.getTime() >= EARLIEST && instant.getTime() <= LATEST) return instant;
      const message = instant
        ? `"${raw}" falls outside the years 0000-9999 in UTC`
        : `"${raw}" is not an RFC 3339 date-time with an offset, e.g. 2021-07-21T17:32:28Z`;
      ctx.issues.push({ code: 'custom', input: raw, message });
      return z.NEVER;
    });
}

// Sub-millisecond digits round inward: starts_at up, ends_at down, so the window never grows.
const searchParams = z.object({
  starts_at: dateTimeParam('ceil').optional(),
  ends_at: dateTimeParam('floor').optional(),
});

// An unencoded "+01:00" offset arrives as " 01:00" (form decoding); a space can mean nothing else there.
function restorePlus(raw: string): string {
  return raw.replace(/(\d) (\d{2}:\d{2})$/, '$1+$2');
}

/** Validates `GET /search`'s query string; throws {@link InvalidQueryError} or {@link InvalidRangeError}. */
export function parseSearchQuery(querystring: string): SearchQuery {
  const known = memo.get(querystring);
  if (known) return known;
  const params = readQueryParams(querystring, PARAMS);
  const parsed = searchParams.safeParse(params);
  if (!parsed.success) {
    throw new InvalidQueryError(describeFirstIssue(parsed.error, 'query'));
  }
  const { starts_at: startsAt, ends_at: endsAt } = parsed.data;
  if (
    startsAt &&
    endsAt &&
    startsAt.getTime() > endsAt.getTime() &&
    writtenLater(params.starts_at ?? '', params.ends_at ?? '')
  ) {
    throw new InvalidRangeError('starts_at must not be later than ends_at');
  }
  const query: SearchQuery = {
    window: { ...(startsAt && { startsAt }), ...(endsAt && { endsAt }) },
    key: `${startsAt?.getTime() ?? ''}~${endsAt?.getTime() ?? ''}`,
  };
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(querystring, query);
  return query;
}

// Rounding inward turns a valid window narrower than a millisecond (.0001Z to .0009Z) into an inverted one, which
// holds nothing but is no range error: only the instants as written, to their last digit, decide that.
function writtenLater(startsAt: string, endsAt: string): boolean {
  const [start, end] = [restorePlus(startsAt), restorePlus(endsAt)];
  const millis = (parseRfc3339(start)?.getTime() ?? 0) - (parseRfc3339(end)?.getTime() ?? 0);
  if (millis !== 0) return millis > 0;
  const [a, b] = [subMillisecondDigits(start), subMillisecondDigits(end)];
  const width = Math.max(a.length, b.length);
  return a.padEnd(width, '0') > b.padEnd(width, '0');
}

function subMillisecondDigits(dateTime: string): string {
  return /\.\d{3}(\d+)/.exec(dateTime)?.[1] ?? '';
}
