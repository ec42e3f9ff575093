/** Thrown when a control request is not JSON, does not match the schema, or cannot apply (a missing sample). */
export class InvalidControlError extends Error {
  override name = 'InvalidControlError';
}
