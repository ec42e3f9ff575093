/** The contract's error envelope: `{"error":{"code","message"},"data":null}`. */
export interface ErrorBody {
  error: { code: string; message: string };
  data: null;
}

/** Builds the contract's error envelope. */
export function errorBody(code: string, message: string): ErrorBody {
  return { error: { code, message }, data: null };
}
