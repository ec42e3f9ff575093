import { z } from 'zod';
import { parseCalendarDate } from './calendar-date';

/** A slot a test took off sale through `removeSlots`. */
export const removedSlotSchema = z.strictObject({
  productId: z.string().regex(/^[\w.-]+$/),
  date: z.string().refine((date) => parseCalendarDate(date) !== null, 'must be a real date, YYYY-MM-DD'),
  startTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM'),
});

/** A slot taken off sale. */
export type RemovedSlot = z.output<typeof removedSlotSchema>;

/** The key a removed slot is remembered by. */
export function removedSlotKey(slot: RemovedSlot): string {
  return `${slot.productId}|${slot.date}|${slot.startTime}`;
}
