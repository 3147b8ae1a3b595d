/**
 * The error shape every cloud function returns instead of throwing: `{ ok: false, code, message }`
 * with a Chinese message the client can show as is. Never a stack trace.
 */
export interface Failure { ok: false, code: string, message: string }

export function fail (code: string, message: string): Failure {
  return { ok: false, code, message }
}

export const INTERNAL_MESSAGE = '服务出了点问题，请稍后再试。'

/** For the top-level catch: logs the error (cloud function logs) and answers INTERNAL. */
export function internalError (e: unknown, where: string): Failure {
  console.error(`[${where}] unexpected error:`, e)
  return fail('INTERNAL', INTERNAL_MESSAGE)
}
