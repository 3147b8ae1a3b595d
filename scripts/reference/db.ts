/**
 * The national dictionary reference (《国家通用手语词典》2019) as the transcription tools read it:
 * `../shared/reference/national-csl.db` beside the project root (CI has it there too). Reference
 * only — the project commits none of its text or images (shared/reference/README.md, Terms); these
 * helpers hand descriptions to code that derives facts from them, never to files in the repo.
 *
 * Node-only (better-sqlite3); never imported by the app.
 */
import { existsSync } from 'node:fs'
import { join, relative } from 'node:path'
import type BetterSqlite3 from 'better-sqlite3'

export const ROOT = join(__dirname, '..', '..')
/** Where the reference db lives, relative to the project root. */
export const NATIONAL_DB_REL = '../shared/reference/national-csl.db'
/** `SHOUYU_NATIONAL_DB` overrides the place (a machine that keeps the reference elsewhere). */
export const NATIONAL_DB = process.env.SHOUYU_NATIONAL_DB ?? join(ROOT, NATIONAL_DB_REL)
/** How many signs the reference holds (issue 12; a smaller count means a truncated copy). */
export const NATIONAL_SIGN_COUNT = 6699

/** The message every tool and test prints when the db is absent. */
export function missingDbMessage (path = NATIONAL_DB): string {
  return `找不到国家通用手语词典参考库 national-csl.db：应在 ${path}` +
    `（项目根目录的上一级 ${NATIONAL_DB_REL}；本地与 CI 都放在这里，见 docs/transcription.md）`
}

export class MissingReferenceError extends Error {
  constructor (path: string) {
    super(missingDbMessage(path))
    this.name = 'MissingReferenceError'
  }
}

/** One word a national sign stands for (a row of `meanings`, normalised). */
export interface NatMeaning {
  /** The word as we use it: stray spaces, trailing pinyin and brackets removed (see meaningWords). */
  word: string
  /** The text as stored. */
  raw: string
  /** 1, 2, … for a numbered meaning (①/❶), else 0. */
  variant: number
  order: number
}

export interface NatSign {
  id: number
  /** `source_entry` as printed (with its synonyms and marks); stray spaces removed. */
  headword: string
  volume: number
  /** Alphabetical section letter (A–Z) of the book. */
  letter: string
  image: string
  /** Reference text: for deriving facts only, never to be written into the repo. */
  description: string
  meanings: NatMeaning[]
}

export interface NationalDictionary {
  signs: NatSign[]
  byId: Map<number, NatSign>
  /** Normalised word → the signs that stand for it (ascending id). */
  byWord: Map<string, NatSign[]>
}

const TONE_VOWELS = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ'
const PINYIN_TAIL = new RegExp(`[a-zü${TONE_VOWELS}·\\-]+$`)
const PINYIN_BRACKET_TAIL = new RegExp(`（[a-zü${TONE_VOWELS}·\\-、]*）$`)
/** Pinyin has a tone mark or the neutral-tone dot; plain latin (`Hz`, `OK`) is a word. */
const isPinyin = (s: string): boolean => new RegExp(`[${TONE_VOWELS}·]`).test(s)

/**
 * The words of one stored meaning. The extraction left defects (shared/reference/README.md):
 * stray spaces (`工 厂`), the pinyin printed after some words (`单元dānyuán`,
 * `卧室（寝室、宿舍）wòshì（qǐnshì、sùshè）`), alternatives in brackets, an unclosed bracket
 * (`以一 当十（以少胜`). The first word is the meaning itself; bracketed alternatives follow.
 * Latin words (`UFO`, `卡拉OK`, `cm`) stay.
 */
export function meaningWords (raw: string): string[] {
  let t = raw.replace(/[\s\u3000]+/g, '')
  for (;;) {
    const before = t
    t = t.replace(PINYIN_BRACKET_TAIL, m => (isPinyin(m) ? '' : m))
    t = t.replace(PINYIN_TAIL, m => (isPinyin(m) ? '' : m))
    if (t === before) break
  }
  const out: string[] = []
  const main = t.replace(/（[^（）]*）/g, '').replace(/（[^（）]*$/, '')
  if (main) out.push(main)
  for (const m of t.matchAll(/（([^（）]*)）/g)) {
    for (const w of m[1].split(/[、，,]/)) if (w && /[\u4e00-\u9fffA-Za-z]/.test(w) && !out.includes(w)) out.push(w)
  }
  return out
}

/** ① → 1, ❷ → 2 (the book prints both kinds, README), else 0. */
export function markNumber (mark: string): number {
  const c = mark.codePointAt(0) ?? 0
  if (c >= 0x2460 && c <= 0x2473) return c - 0x2460 + 1 // ①…⑳
  if (c >= 0x2776 && c <= 0x277f) return c - 0x2776 + 1 // ❶…❿
  return 0
}
export const MARK_RE = /[\u2460-\u2473\u2776-\u277f]/

/** The mark printed right after the first word of a headword (`祈祷②（…）` → ②), or ''. */
export function headwordMark (headword: string): string {
  const first = headword.split('（')[0]
  const m = MARK_RE.exec(first)
  return m ? m[0] : ''
}

function openDb (path: string): BetterSqlite3.Database {
  if (!existsSync(path)) throw new MissingReferenceError(path)
  // Required lazily so that importing this module (for its pure helpers) needs no native binary.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy native module, see above
  const Database = require('better-sqlite3') as typeof BetterSqlite3
  return new Database(path, { readonly: true, fileMustExist: true })
}

let cached: NationalDictionary | null = null

/** Loads the whole reference (6,699 signs; ~50 ms). Throws MissingReferenceError when absent. */
export function loadNational (path = NATIONAL_DB): NationalDictionary {
  if (cached && path === NATIONAL_DB) return cached
  const db = openDb(path)
  try {
    const rows = db.prepare('SELECT id, image_path, description, source_entry, letter, volume FROM signs ORDER BY id').all() as
      Array<{ id: number, image_path: string, description: string, source_entry: string | null, letter: string, volume: number }>
    const mrows = db.prepare('SELECT sign_id, text, variant_index, order_in_entry FROM meanings ORDER BY sign_id, order_in_entry, id').all() as
      Array<{ sign_id: number, text: string, variant_index: number | null, order_in_entry: number | null }>
    const signs: NatSign[] = rows.map(r => ({
      id: r.id,
      headword: String(r.source_entry ?? '').replace(/[\s\u3000]+/g, ''),
      volume: r.volume,
      letter: r.letter,
      image: r.image_path,
      description: String(r.description),
      meanings: []
    }))
    const byId = new Map(signs.map(s => [s.id, s]))
    for (const m of mrows) {
      const s = byId.get(m.sign_id)
      if (!s) continue
      meaningWords(m.text).forEach((w, k) => {
        if (s.meanings.some(x => x.word === w)) return
        s.meanings.push({ word: w, raw: m.text, variant: k === 0 ? (m.variant_index ?? 0) : 0, order: m.order_in_entry ?? 0 })
      })
    }
    const byWord = new Map<string, NatSign[]>()
    for (const s of signs) {
      for (const m of s.meanings) {
        const a = byWord.get(m.word) ?? []
        if (!a.includes(s)) a.push(s)
        byWord.set(m.word, a)
      }
    }
    const nd = { signs, byId, byWord }
    if (path === NATIONAL_DB) cached = nd
    return nd
  } finally {
    db.close()
  }
}

/** The raw meaning texts (for reproducing the count exactly as stored). */
export function rawMeanings (path = NATIONAL_DB): Array<{ signId: number, text: string }> {
  const db = openDb(path)
  try {
    return (db.prepare('SELECT sign_id, text FROM meanings').all() as Array<{ sign_id: number, text: string }>).map(r => ({ signId: r.sign_id, text: r.text }))
  } finally {
    db.close()
  }
}

/** `《国家通用手语词典》第2册「感谢（谢谢、致谢①）」` — the provenance line (docs/data.md). */
export function sourceLine (s: NatSign): string {
  return `《国家通用手语词典》第${s.volume}册「${s.headword}」`
}

/** Repo-relative display of a path (for messages). */
export function rel (p: string): string {
  return relative(ROOT, p) || '.'
}

/** Image of a sign from a local git copy of github:smitht06/chinese-sign-language-dictionary. */
export const DEFAULT_IMAGE_GIT_DIR = '/work/.mirror/smitht06+chinese-sign-language-dictionary/repo'
