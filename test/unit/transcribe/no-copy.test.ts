/**
 * The copy test of issue 12: no text the app shows may share 10 or more consecutive characters
 * (punctuation and spaces ignored) with any description of 《国家通用手语词典》. It reads the
 * reference at ../shared/reference/national-csl.db (beside the project root, locally and in CI)
 * and fails — never skips — when it is not there.
 *
 * “Text the app shows” is every string of the compiled dictionary, as the app decodes it (words,
 * shares, notes, description steps, examples, variant notes, sources…) plus the category names;
 * not ids, notation lines or pinyin. In a `source:` line the citation of the book
 * (《国家通用手语词典》第n册「headword」) is the reference's own headword and is allowed.
 *
 * The description steps are generated from the notation (describeEntry), so they are checked as
 * the page shows them; the handshape and site tables (names and descriptions the browse pages and
 * the handshape chart show) are checked too.
 */
import { existsSync } from 'node:fs'
import { compileDictionary, loadSources } from '../../../scripts/data/compile'
import { NATIONAL_DB, NATIONAL_SIGN_COUNT, loadNational, missingDbMessage } from '../../../scripts/reference/db'
import { COPY_RUN, findRun, normaliseForCopy, runIndex, sharedRun } from '../../../scripts/transcribe/copycheck'
import { loadCategories } from '../../../scripts/transcribe/lib'
import { describeEntry } from '../../../src/core/sign/resolve'
import { HANDSHAPES } from '../../../src/core/sign/handshapes'
import { SITES } from '../../../src/core/sign/sites'

/** Keys of a compiled entry that the app never shows as text. */
const NOT_SHOWN = new Set(['id', 'file', 'line', 'dom', 'nondom', 'rel', 'face', 'covers', 'compound', 'handshape', 'site', 'pinyin', 'pinyinPlain', 'initials', 'category', 'related', 'nat', 'needs', 'freq'])
const CITATION = /《国家通用手语词典》第\d+册「[^」]*」/g

/** Every shown string of a value, with a path for the message. */
function strings (v: unknown, path: string, out: Array<{ path: string, text: string }>): void {
  if (typeof v === 'string') { out.push({ path, text: v }); return }
  if (Array.isArray(v)) { v.forEach((x, i) => strings(x, `${path}[${i}]`, out)); return }
  if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) if (!NOT_SHOWN.has(k)) strings(x, path ? `${path}.${k}` : k, out)
  }
}

const haveDb = existsSync(NATIONAL_DB)
const national = haveDb ? loadNational() : null
const index = national ? runIndex(national.signs.map(s => s.description)) : null

describe('the copy check itself', () => {
  it('the reference db is where local runs and CI expect it (../shared/reference/national-csl.db)', () => {
    if (!haveDb) throw new Error(missingDbMessage())
    expect(national!.signs).toHaveLength(NATIONAL_SIGN_COUNT)
  })

  it('finds a run of 10 characters of a description, through punctuation and spaces; not 9', () => {
    if (!national || !index) throw new Error(missingDbMessage())
    const desc = national.signs.find(s => normaliseForCopy(s.description).length > 30)!.description
    const run = [...normaliseForCopy(desc)].slice(5, 5 + COPY_RUN)
    const disguised = `我们自己的话：${run.slice(0, 4).join('')}， ${run.slice(4).join(' ')}。`
    expect(findRun(disguised, index)).toBe(run.join(''))
    expect(findRun(run.slice(0, COPY_RUN - 1).join(''), runIndex([desc]))).toBeNull()
    expect(sharedRun('完全是自己的说法，没有照抄任何书。', desc)).toBeNull()
  })
})

describe('no text the app shows copies the national descriptions', () => {
  it('every shown string of the compiled dictionary and the category names', () => {
    if (!index) throw new Error(missingDbMessage())
    const { dict } = compileDictionary(loadSources())
    const byId = new Map(dict.entries.map(e => [e.id, e]))
    const found: string[] = []
    for (const e of dict.entries) {
      const out: Array<{ path: string, text: string }> = []
      strings(e, '', out)
      const steps = describeEntry(e.id, id => byId.get(id))
      if (steps.ok) steps.steps.forEach((t, i) => out.push({ path: `steps[${i}]`, text: t }))
      else found.push(`${e.file}:${e.line} ${e.id} steps: ${steps.message}`)
      for (const s of out) {
        const text = s.path === 'source' || s.path.endsWith('.source') ? s.text.replace(CITATION, '') : s.text
        const run = findRun(text, index)
        if (run) found.push(`${e.file}:${e.line} ${e.id} ${s.path}: “${run}”`)
      }
    }
    for (const h of HANDSHAPES) {
      for (const [k, t] of [['zh', h.zh], ['description', h.description]] as const) {
        const run = findRun(t, index)
        if (run) found.push(`handshapes.ts ${h.id} ${k}: “${run}”`)
      }
    }
    for (const site of SITES) {
      const run = findRun(site.zh, index)
      if (run) found.push(`sites.ts ${site.id}: “${run}”`)
    }
    for (const c of loadCategories()) {
      const run = findRun(c.zh, index)
      if (run) found.push(`categories.txt ${c.id}: “${run}”`)
    }
    expect(found).toEqual([])
  })
})
