/** Thrown when a time zone name is not an IANA zone known to this runtime (e.g. `Europe/Madrid`). */
export class InvalidTimeZoneError extends Error {
  override name = 'InvalidTimeZoneError';

  constructor(readonly timeZone: string) {
    super(`unknown IANA time zone: ${JSON.stringify(timeZone)}`);
  }
}
