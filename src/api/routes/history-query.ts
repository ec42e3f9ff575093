import { z } from 'zod';
import type { HistoryPosition } from '../../search/event-history';

const position = z.tuple([z.iso.datetime(), z.string().min(1).max(512)]);

/** `?limit=&cursor=` of an event's history: a page size (default 20) and where the last page ended. */
export const historyQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z
    .string()
    .max(1024)
    .transform((cursor, ctx): HistoryPosition => {
      const parsed = position.safeParse(decode(cursor));
      if (parsed.success) return { fetchedAt: parsed.data[0], runId: parsed.data[1] };
      ctx.addIssue({ code: 'custom', message: 'is not a cursor this API returned' });
      return z.NEVER;
    })
    .optional(),
});

/** The cursor that continues a history page after `position`: opaque to clients. */
export function historyCursor(position: HistoryPosition): string {
  return Buffer.from(JSON.stringify([position.fetchedAt, position.runId])).toString('base64url');
}

function decode(cursor: string): unknown {
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}
