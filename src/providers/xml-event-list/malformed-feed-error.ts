/** Thrown when a feed is not well-formed UTF-8 XML, nests too deep, or is not an event list at all. */
export class MalformedFeedError extends Error {
  override name = 'MalformedFeedError';

  constructor(
    readonly reason: string,
    /** 1-based line and column where reading stopped. */
    readonly position: { line: number; column: number },
  ) {
    super(`malformed feed at line ${position.line}, column ${position.column}: ${reason}`);
  }
}
