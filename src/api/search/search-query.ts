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
// Callers repeat the same few windows; remembering the parse of a raw query string skips it on the hot path.
const memo = new Map<string, SearchQuery>();

function dateTimeParam(rounding: MillisecondRounding) {
  return z
    .string()
    .min(1, 'must not be empty')
    .max(MAX_VALUE_LENGTH, `must be at most ${MAX_VALUE_LENGTH} characters`)
    .transform((raw, ctx) => {
      const instant = parseRfc3339(restorePlus(raw), rounding);
      if (instant) return instant;
      ctx.issues.push({
        code: 'custom',
        input: raw,
        message: `"${raw}" is not an RFC 3339 date-time with an offset, e.g. 2021-07-21T17:32:28Z`,
      });
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
  const parsed = searchParams.safeParse(readQueryParams(querystring, PARAMS));
  if (!parsed.success) {
    throw new InvalidQueryError(describeFirstIssue(parsed.error, 'query'));
  }
  const { starts_at: startsAt, ends_at: endsAt } = parsed.data;
  if (startsAt && endsAt && startsAt.getTime() > endsAt.getTime()) {
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
