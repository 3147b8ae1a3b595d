/**
 * Types of the compiled dictionary: what every consumer (app, cloud functions, CLI, tests)
 * reads. Produced from the sources in src/data by scripts/data/compile.ts; see docs/data.md.
 */

/** Bump when the compiled shape changes; readers refuse other versions. */
export const DICTIONARY_FORMAT_VERSION = 2 as const

/** 词汇 / 指拼 / 仿字 / 书空 / 外国手语 / 数字 */
export type SignType = 'lexical' | 'fingerspelled' | 'character' | 'air' | 'foreign' | 'number'

export const SIGN_TYPE_ZH: Readonly<Record<SignType, string>> = Object.freeze({
  lexical: '词汇',
  fingerspelled: '指拼',
  character: '仿字',
  air: '书空',
  foreign: '外国手语',
  number: '数字'
})

/**
 * transcribed: a national sign, transcribed from 《国家通用手语词典》, not yet checked by a Deaf
 * reviewer; draft: a sign the project made (origin: project), not yet reviewed; reviewed: checked,
 * with the reviewer's name and date.
 */
export type ReviewStatus = 'transcribed' | 'draft' | 'reviewed'

/** The national sign an entry transcribes: its id in 《国家通用手语词典》 and, for a numbered meaning, ①②. */
export interface NationalRef {
  id: number
  variant?: string
}

/** The notation exactly as written in the source (see docs/notation.md). */
export interface NotationSource {
  dom?: string
  nondom?: string
  rel?: string
  /** Non-manuals; on a compound they span every part. */
  face?: string
  /** What the hand covers by design: eyes, mouth or face. */
  covers?: string
  /** Ids of the entries signed in sequence. */
  compound?: string[]
  /** Non-manuals of part N (1-based), as `face.N:` lines: of a compound's parts, or of a sign in parts. */
  partFaces?: Record<string, string>
  /**
   * A national sign made in parts ((一)(二) in the book) whose parts are not words of their own:
   * parts 2, 3 … as `dom.N: nondom.N: rel.N: covers.N:` lines (part 1 is `dom:` etc.).
   */
  parts?: SignPart[]
}

/** One later part of a sign in parts. */
export interface SignPart {
  dom: string
  nondom?: string
  rel?: string
  covers?: string
}

export interface DictEntry {
  id: string
  word: string
  /** Other words signed the same way. */
  shares: string[]
  /** The n-th of several signs for one word, with when to use it. */
  variant?: { n: number; note: string }
  pos: string
  /** Category id. */
  category: string
  type: SignType
  /** Tone-marked pinyin, syllables separated by spaces: 'xué xí'. */
  pinyin: string
  /** Toneless pinyin, ü written v: 'xue xi'. */
  pinyinPlain: string
  /** First letter of each syllable: 'xx'. */
  initials: string
  /** Word frequency from the jieba dictionary (0 when unknown); ranks ties. */
  freq: number
  notation: NotationSource
  /** Start handshape id of the dominant hand (first part of a compound). */
  handshape: string
  /** Start site id of the dominant hand (first part of a compound). */
  site: string
  /** The national sign transcribed (absent for a sign the project made). */
  nat?: NationalRef
  /**
   * Absent for a national sign. `project`: a sign the project made (自拟), with why; `scheme`: the
   * finger alphabet of 《汉语手指字母方案》 (a national standard outside the dictionary).
   */
  origin?: { kind: 'project' | 'scheme'; why: string }
  /** One short note in our own words: what the sign depicts. */
  note?: string
  /** Constructs the notation cannot write yet (the transcription is as close as it can be). */
  needs?: string[]
  /** Ids of entries merged into this one (learners' progress under them moves here). */
  aliases?: string[]
  /** Related entry ids. */
  related: string[]
  example: string
  /** Provenance: the book, volume and headword (national), or what it is built from (project). */
  source: string
  status: ReviewStatus
  reviewer?: string
  reviewedAt?: string
  /** Source location, for tools. */
  file: string
  line: number
}

export interface Category {
  id: string
  name: string
  order: number
}

export interface Dictionary {
  version: typeof DICTIONARY_FORMAT_VERSION
  /** Content hash of the sources (first 12 hex of sha256). */
  dataVersion: string
  categories: Category[]
  entries: DictEntry[]
}
