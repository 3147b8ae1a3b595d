/**
 * What a cloud function declares about the requests it accepts, exported from its index.ts as
 * `limits`. The local server (scripts/lib/server.ts) reads it before reading a body, so each
 * function's own limit is the limit locally too (a function without `limits` gets the server's
 * default). In WeChat the platform caps the payload; the function still checks its own fields.
 */
export interface FunctionLimits {
  /** Largest request body (the JSON of the call's data), in bytes. */
  bodyMaxBytes: number
  /**
   * Nobody waits on this function's answer with the app frozen (a background sync): locally its
   * thread runs at a lower CPU priority, so interactive calls (a translation, speech) go first.
   */
  background?: boolean
}

/** Room for the call's envelope around a function's biggest field (action, names, quotes). */
export const ENVELOPE_BYTES = 4 * 1024
