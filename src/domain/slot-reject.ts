/** A slot of a partner's answer that failed validation, kept with its reason for ops. */
export interface SlotReject {
  providerId: string;
  productId: string;
  /** The date the answer was asked for. */
  date: string;
  /** The slot's `providerSlotId` when it had a usable one. */
  providerSlotId: string | null;
  /** 0-based position of the slot in the answer's array. */
  index: number;
  /** Human-readable reason, e.g. `startTime: "25:00" is not a valid HH:mm time`. */
  reason: string;
  /** The slot as the partner sent it, as JSON cut to a bounded length. */
  snippet: string;
}
