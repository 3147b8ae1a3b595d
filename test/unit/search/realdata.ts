/** The real compiled dictionary for the labelled tests: compiled first if it is missing. */
import { execSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Dictionary } from '../../../src/core/sign/dictionary'
import { loadDictionary } from '../../../scripts/cli/search'

export const ROOT = join(__dirname, '../../..')
export const DICT_PATH = join(ROOT, 'src/data/compiled/dictionary.json')

export function realDictionary (): Dictionary {
  if (!existsSync(DICT_PATH)) {
    try {
      execSync('npx tsx scripts/data/compile.ts', { cwd: ROOT, stdio: 'pipe', timeout: 180_000 })
    } catch (e) {
      const out = String((e as { stderr?: Buffer }).stderr ?? e).slice(0, 2000)
      throw new Error(`src/data/compiled/dictionary.json is missing and \`npx tsx scripts/data/compile.ts\` failed:\n${out}`)
    }
  }
  const d = loadDictionary(DICT_PATH)
  if (typeof d === 'string') throw new Error(`Cannot read the compiled dictionary: ${d}`)
  return d
}
