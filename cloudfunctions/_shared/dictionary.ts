/**
 * The compiled dictionary for cloud functions: src/data/compiled/dictionary.json, bundled into
 * the function by esbuild (a static require), read once per process. Tests (a fixture) and the CLI (compiled from the sources) override it.
 */
import { DICTIONARY_FORMAT_VERSION, type Dictionary } from '../../src/core/sign/dictionary'

let override: Dictionary | null = null
let loaded: Dictionary | null = null

export function overrideDictionary (d: Dictionary | null): void {
  override = d
  loaded = null
}

export function loadDictionary (): Dictionary {
  if (override) return override
  if (loaded) return loaded
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, so a test can override it without reading the whole file
  const d = require('../../src/data/compiled/dictionary.json') as Dictionary
  if (d?.version !== DICTIONARY_FORMAT_VERSION) {
    throw new Error(`dictionary.json has format version ${String(d?.version)}, expected ${DICTIONARY_FORMAT_VERSION}`)
  }
  loaded = d
  return d
}

/** The same, under the name tests use. */
export const setDictionaryForTests = overrideDictionary
