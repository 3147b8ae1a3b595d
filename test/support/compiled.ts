/**
 * The compiled dictionary (src/data/compiled/dictionary.json, written by `npm run data`, which
 * `npm test` runs first) for the tests that check every entry: the same file the CLI, the cloud
 * functions and the app's build read. Missing data is a failure naming the command that makes it,
 * never a skipped test, and never a compile behind the test's back.
 */
import type { Dictionary } from '../../src/core/sign/dictionary'
import { loadDictionary } from '../../scripts/cli/search'

export function compiledDictionary (): Dictionary {
  const d = loadDictionary()
  if (typeof d === 'string') throw new Error(`${d} (src/data/compiled/dictionary.json; npm test runs npm run data first)`)
  return d
}
