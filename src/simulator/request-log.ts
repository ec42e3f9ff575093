/** One feed request as the control API reports it. */
export interface RequestLogEntry {
  /** 1-based request number on this feed since start or reset. */
  number: number;
  at: string;
  path: string;
  /** What was served: `sample 2`, `generated`, or the fault kind, e.g. `fault reset`. */
  outcome: string;
  /** Status code sent, or null when the socket was destroyed before a response. */
  status: number | null;
}

/** Keeps the most recent feed requests, oldest first, dropping the oldest past `capacity`. */
export class RequestLog {
  private readonly entries: RequestLogEntry[] = [];

  constructor(private readonly capacity = 100) {}

  add(entry: RequestLogEntry): void {
    this.entries.push(entry);
    if (this.entries.length > this.capacity) this.entries.shift();
  }

  list(): RequestLogEntry[] {
    return this.entries.map((entry) => ({ ...entry }));
  }
}
