/**
 * Runs a cloud function's main() the way the local server does, for the benches: SQLite in
 * memory, the compiled dictionary, a key and base URL pointing at a local protocol server; then
 * puts the process back as it was (environment, the function's clock, dictionary, store).
 */
import type { Dictionary } from '../../src/core/sign/dictionary'
import { overrideDictionary } from '../../cloudfunctions/_shared/dictionary'
import { resetStoreForTests } from '../../cloudfunctions/_shared/env'

export async function withLocalCloud<T> (
  opts: { dict: Dictionary, baseUrl: string, apiKey: string, unset: string[], runtime: { now: () => number } },
  fn: () => Promise<T>
): Promise<T> {
  const saved = { ...process.env }
  const savedNow = opts.runtime.now
  try {
    Object.assign(process.env, { SHOUYU_SQLITE: ':memory:', GLM_API_KEY: opts.apiKey, GLM_BASE_URL: opts.baseUrl })
    for (const k of opts.unset) delete process.env[k]
    overrideDictionary(opts.dict)
    resetStoreForTests()
    return await fn()
  } finally {
    process.env = saved
    opts.runtime.now = savedNow
    overrideDictionary(null)
    resetStoreForTests()
  }
}
