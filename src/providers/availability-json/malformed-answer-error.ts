/** Thrown when a partner's availability answer is not JSON, or not an array of slots: no slot of it can be read. */
export class MalformedAnswerError extends Error {
  override name = 'MalformedAnswerError';

  constructor(readonly reason: string) {
    super(`malformed availability answer: ${reason}`);
  }
}
