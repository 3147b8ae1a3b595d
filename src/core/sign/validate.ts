/**
 * Dictionary sources, step 2: check raw entries (entry.ts) against the contract of docs/data.md
 * and docs/notation.md, and turn them into typed entries. Every problem is a DataIssue naming
 * `file:line entry field`; nothing throws. Platform-free, so the app and the tools share it.
 */
import type { Category, DictEntry, NationalRef, NotationSource, ReviewStatus, SignPart, SignType } from './dictionary'
import { type DataIssue, parseCategories, parseSignsFile, type RawEntry, type RawField } from './entry'
import { parseFace, parseSignNotation } from './parse'
import { suggest } from './suggest'
import type { NotationIssue, SignNotation } from './types'

/** Parts of speech (docs/data.md). An entry may list several, space-separated (`名 动`). */
export const POS_VALUES: readonly string[] = ['名', '动', '形', '代', '数', '量', '副', '介', '连', '助', '叹', '短语']

export const TYPE_BY_ZH: Readonly<Record<string, SignType>> = {
  词汇: 'lexical',
  指拼: 'fingerspelled',
  仿字: 'character',
  书空: 'air',
  外国手语: 'foreign',
  数字: 'number'
}

const SINGLE_KEYS = ['nat', 'origin', 'source', 'pos', 'type', 'shares', 'variant', 'dom', 'nondom', 'rel', 'face',
  'covers', 'compound', 'note', 'needs', 'related', 'example', 'status', 'pinyin', 'aliases'] as const
const KNOWN_KEYS: readonly string[] = SINGLE_KEYS
const REQUIRED_KEYS = ['pos', 'type', 'source', 'status'] as const
/** Notation keys that a compound (a sequence of other entries) cannot have: each part has its own. */
const HAND_KEYS = ['dom', 'nondom', 'rel', 'covers'] as const
/** `face.N:` — non-manuals of part N of a compound or of a sign in parts. */
const PART_FACE_RE = /^face\.(\d+)$/
/** `dom.N: nondom.N: rel.N: covers.N:` — part N (N ≥ 2) of a sign in parts. */
const PART_HAND_RE = /^(dom|nondom|rel|covers)\.(\d+)$/
/** Parts of one sign at most (the book's longest run to (四)). */
export const MAX_SIGN_PARTS = 6

/** Highest national sign id (《国家通用手语词典》 has 6,699 signs). */
export const NATIONAL_SIGN_COUNT = 6699
/** `1767` or `4021 ②`: a national sign id and, for a numbered meaning, its mark. */
const NAT_RE = /^(\d{1,4})(?:\s+([①-⑳❶-❿]))?$/
/** A national sign's provenance line (docs/data.md). */
const NATIONAL_SOURCE_RE = /^《国家通用手语词典》第[1-4]册「.+」$/
/**
 * Origins other than a national sign: `project <why>` (a sign the project made: 自拟), `scheme <which>`
 * (the finger alphabet of 《汉语手指字母方案》, a national standard outside the dictionary).
 */
const ORIGIN_RE = /^(project|scheme)\s+(.+)$/
/** What `needs:` a migrated entry carries until it is transcribed from its national sign. */
export const NEEDS_TRANSCRIPTION = 'transcription'

export const ID_RE = /^[a-z0-9_]+$/
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/
const SYLLABLE_RE = /^[a-zêüāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ]+$/
const HAN_RE = /\p{Script=Han}/u
/** Characters; `note:` is one short sentence in our own words. */
export const NOTE_MAX_CHARS = 40

/**
 * A checked entry: everything of DictEntry that comes from the source. Pinyin, frequency and the
 * start handshape/site are added by the compiler (they need pinyin-pro, jieba and the parse).
 */
export interface CheckedEntry extends Omit<DictEntry, 'pinyin' | 'pinyinPlain' | 'initials' | 'freq' | 'handshape' | 'site'> {
  /** The `pinyin:` override, syllables for the word's Chinese characters in order. */
  pinyinOverride?: string[]
  /** Parsed notation of a simple (non-compound) sign. */
  sign?: SignNotation
}

export interface ValidationResult {
  entries: CheckedEntry[]
  issues: DataIssue[]
}

function isValidDate (s: string): boolean {
  const m = DATE_RE.exec(s)
  if (!m) return false
  const y = Number(m[1]); const mo = Number(m[2]); const d = Number(m[3])
  if (mo < 1 || mo > 12 || d < 1) return false
  const days = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
  return d <= days[mo - 1]
}

function words (v: string): string[] {
  return v.split(/\s+/).filter(s => s !== '')
}

function at (raw: RawEntry, line: number, field: string, message: string, suggestion?: string): DataIssue {
  const i: DataIssue = { file: raw.file, line, entryId: raw.id, field, message }
  if (suggestion) i.suggestion = suggestion
  return i
}

function notationIssue (raw: RawEntry, lineOf: (k: string) => number, ni: NotationIssue): DataIssue {
  const message = ni.value && !ni.message.includes(ni.value) ? `${ni.message}（值 “${ni.value}”）` : ni.message
  return at(raw, lineOf(ni.field), ni.field || 'dom', message, ni.suggestion)
}

/** Checks one entry on its own (everything that does not need the other entries). */
function checkEntry (raw: RawEntry, issues: DataIssue[]): CheckedEntry {
  const first = new Map<string, RawField>()
  const partFaces = new Map<string, RawField>()
  /** Part number → its hand lines (dom.N …), for a sign in parts. */
  const partHands = new Map<number, Map<string, RawField>>()
  for (const f of raw.fields) {
    if (f.key === 'desc') {
      issues.push(at(raw, f.line, 'desc', '第 2 版不再写 desc：描述步骤由转写自动生成；“这个手势像什么”可写一句 note:'))
      continue
    }
    const pf = PART_FACE_RE.exec(f.key)
    const ph = PART_HAND_RE.exec(f.key)
    if (ph) {
      const n = Number(ph[2])
      if (f.value === '') { issues.push(at(raw, f.line, f.key, `“${f.key}:”的值为空`)); continue }
      if (n < 2 || n > MAX_SIGN_PARTS) { issues.push(at(raw, f.line, f.key, `分段手势的第 ${n} 段不存在：第 1 段写 ${ph[1]}:，之后写 ${ph[1]}.2: 到 ${ph[1]}.${MAX_SIGN_PARTS}:`)); continue }
      const part = partHands.get(n) ?? new Map<string, RawField>()
      if (part.has(ph[1])) issues.push(at(raw, f.line, f.key, `“${f.key}:”重复出现`))
      else part.set(ph[1], f)
      partHands.set(n, part)
      continue
    }
    if (!pf && !KNOWN_KEYS.includes(f.key)) {
      const lower = f.key.toLowerCase()
      issues.push(at(raw, f.line, f.key, `未知的键“${f.key}”`, KNOWN_KEYS.includes(lower) ? lower : suggest(lower, KNOWN_KEYS)))
      continue
    }
    if (f.value === '') {
      issues.push(at(raw, f.line, f.key, `“${f.key}:”的值为空`))
      continue
    }
    if (pf) {
      if (partFaces.has(pf[1])) issues.push(at(raw, f.line, f.key, `“${f.key}:”重复出现`))
      else partFaces.set(pf[1], f)
      continue
    }
    const prev = first.get(f.key)
    if (prev) {
      issues.push(at(raw, f.line, f.key, `“${f.key}:”重复出现（第一次在第 ${prev.line} 行）`))
      continue
    }
    first.set(f.key, f)
  }
  const lineOf = (k: string): number => first.get(k)?.line ?? raw.line
  const val = (k: string): string | undefined => first.get(k)?.value

  if (!ID_RE.test(raw.id)) {
    issues.push(at(raw, raw.line, 'id', `id 只能用小写字母、数字和下划线：“${raw.id}”`))
  }
  if (raw.word === '') issues.push(at(raw, raw.line, 'word', '缺少词目（“[id] 词”中的词）'))
  else if (/\s/.test(raw.word)) issues.push(at(raw, raw.line, 'word', `词目中不能有空格：“${raw.word}”`))

  // Required keys. A key written with an empty value was already reported above.
  const written = new Set(raw.fields.map(f => f.key))
  for (const k of REQUIRED_KEYS) {
    if (!written.has(k)) issues.push(at(raw, raw.line, k, `缺少必填项“${k}:”`))
  }

  let pos = ''
  const posV = val('pos')
  if (posV !== undefined) {
    const list = words(posV)
    const bad = list.filter(p => !POS_VALUES.includes(p))
    if (bad.length > 0) issues.push(at(raw, lineOf('pos'), 'pos', `未知词性“${bad.join(' ')}”，应为：${POS_VALUES.join(' ')}`))
    else if (new Set(list).size !== list.length) issues.push(at(raw, lineOf('pos'), 'pos', '词性重复'))
    pos = list.join(' ')
  }

  let type: SignType = 'lexical'
  const typeV = val('type')
  if (typeV !== undefined) {
    const t = TYPE_BY_ZH[typeV]
    if (t) type = t
    else issues.push(at(raw, lineOf('type'), 'type', `未知类型“${typeV}”，应为：${Object.keys(TYPE_BY_ZH).join(' ')}`))
  }

  // Provenance: a national sign (nat:), or a sign of another origin (origin:), never neither.
  let nat: NationalRef | undefined
  let origin: { kind: 'project' | 'scheme', why: string } | undefined
  const natV = val('nat'); const originV = val('origin')
  if (natV !== undefined) {
    const m = NAT_RE.exec(natV)
    if (!m || Number(m[1]) < 1 || Number(m[1]) > NATIONAL_SIGN_COUNT) {
      issues.push(at(raw, lineOf('nat'), 'nat', `nat 应为国家通用手语词典的手势编号（1–${NATIONAL_SIGN_COUNT}），义项编号可跟在后面，如“4021 ②”：“${natV}”`))
    } else {
      nat = m[2] ? { id: Number(m[1]), variant: m[2] } : { id: Number(m[1]) }
    }
  }
  if (originV !== undefined) {
    const m = ORIGIN_RE.exec(originV)
    if (!m) issues.push(at(raw, lineOf('origin'), 'origin', `origin 应为“project 理由”（自拟）或“scheme 标准名”：“${originV}”`))
    else origin = { kind: m[1] as 'project' | 'scheme', why: m[2].trim() }
  }
  if (natV !== undefined && originV !== undefined) {
    issues.push(at(raw, lineOf('origin'), 'origin', 'nat: 与 origin: 只能写一个：国家词典里有的手势写 nat:，没有的才写 origin: project'))
    origin = undefined // one issue for the pair, not more about the origin that should not be there
  } else if (natV === undefined && originV === undefined) {
    issues.push(at(raw, raw.line, 'nat', '缺少出处：写 nat: 国家通用手语词典的手势编号，或 origin: project 自拟的理由'))
  }
  const sourceV = val('source')
  if (nat && sourceV !== undefined && !NATIONAL_SOURCE_RE.test(sourceV)) {
    issues.push(at(raw, lineOf('source'), 'source', `国家手势的出处应写作“《国家通用手语词典》第n册「词目」”：“${sourceV}”`))
  }

  // A national standard (a dictionary sign, or a letter of the finger alphabet) is transcribed; a sign
  // the project made is a draft until reviewed.
  let status: ReviewStatus = origin?.kind === 'project' ? 'draft' : 'transcribed'
  let reviewer: string | undefined
  let reviewedAt: string | undefined
  const statusV = val('status')
  if (statusV === 'transcribed' || statusV === 'draft') {
    status = statusV
    if (statusV === 'transcribed' && origin?.kind === 'project') issues.push(at(raw, lineOf('status'), 'status', 'transcribed 只用于据国家标准转写的手势（nat: 或 origin: scheme）；自拟的写 draft'))
    if (statusV === 'draft' && origin?.kind !== 'project' && (natV !== undefined || originV !== undefined)) issues.push(at(raw, lineOf('status'), 'status', '据国家标准转写的手势（nat: 或 origin: scheme）状态写 transcribed，审校后写 reviewed'))
  } else if (statusV !== undefined) {
    const parts = words(statusV)
    const date = parts[parts.length - 1]
    if (parts[0] !== 'reviewed' || parts.length < 3) {
      issues.push(at(raw, lineOf('status'), 'status', `状态应为“transcribed”“draft”或“reviewed 审校人 YYYY-MM-DD”：“${statusV}”`))
    } else if (!isValidDate(date)) {
      issues.push(at(raw, lineOf('status'), 'status', `审校日期无效，应为 YYYY-MM-DD：“${date}”`))
    } else {
      status = 'reviewed'
      reviewer = parts.slice(1, -1).join(' ')
      reviewedAt = date
    }
  }

  const needs = words(val('needs') ?? '')
  const note = val('note')
  if (note !== undefined && [...note].length > NOTE_MAX_CHARS) {
    issues.push(at(raw, lineOf('note'), 'note', `note 只写一句简短的说明（最多 ${NOTE_MAX_CHARS} 个字），现在是 ${[...note].length} 个字`))
  }

  let variant: { n: number, note: string } | undefined
  const variantV = val('variant')
  if (variantV !== undefined) {
    const m = /^(\d+)\s+(.+)$/.exec(variantV)
    if (!m || Number(m[1]) < 1) {
      issues.push(at(raw, lineOf('variant'), 'variant', `应为“variant: 编号 何时使用”，编号从 1 起：“${variantV}”`))
    } else {
      variant = { n: Number(m[1]), note: m[2].trim() }
    }
  }

  const shares = words(val('shares') ?? '')
  if (new Set(shares).size !== shares.length) issues.push(at(raw, lineOf('shares'), 'shares', 'shares 中有重复的词'))
  if (shares.includes(raw.word)) issues.push(at(raw, lineOf('shares'), 'shares', `shares 不应包含词目本身“${raw.word}”`))

  // Ids of entries merged into this one (她 into 他): learners' progress under them moves here.
  const aliases = words(val('aliases') ?? '')
  for (const a of aliases) if (!ID_RE.test(a)) issues.push(at(raw, lineOf('aliases'), 'aliases', `aliases 中的 id 只能用小写字母、数字和下划线：“${a}”`))
  const related = words(val('related') ?? '')
  if (new Set(related).size !== related.length) issues.push(at(raw, lineOf('related'), 'related', 'related 中有重复的 id'))
  if (related.includes(raw.id)) issues.push(at(raw, lineOf('related'), 'related', 'related 不应包含条目自身'))

  let pinyinOverride: string[] | undefined
  const pinyinV = val('pinyin')
  if (pinyinV !== undefined) {
    const syl = words(pinyinV)
    const han = [...raw.word].filter(ch => HAN_RE.test(ch)).length
    const bad = syl.find(s => !SYLLABLE_RE.test(s))
    if (bad !== undefined) {
      issues.push(at(raw, lineOf('pinyin'), 'pinyin', `拼音应为小写带声调字母，音节以空格分开：“${bad}”`))
    } else if (syl.length !== han) {
      issues.push(at(raw, lineOf('pinyin'), 'pinyin', `拼音有 ${syl.length} 个音节，但“${raw.word}”有 ${han} 个汉字`))
    } else {
      pinyinOverride = syl
    }
  }

  // Notation: a compound, or a simple sign parsed by the notation parser.
  const notation: NotationSource = {}
  let sign: SignNotation | undefined
  const compoundV = val('compound')
  if (compoundV !== undefined) {
    notation.compound = words(compoundV)
    for (const k of HAND_KEYS) {
      if (first.has(k)) issues.push(at(raw, lineOf(k), k, `复合词（compound:）不能再写“${k}:”，各部分的打法写在各自条目中`))
    }
    if (notation.compound.length < 2) {
      issues.push(at(raw, lineOf('compound'), 'compound', '复合词至少需要两个部分；与另一词打法相同请用那个条目的 shares:'))
    }
    for (const [, part] of partHands) for (const [k, f] of part) issues.push(at(raw, f.line, f.key, `复合词（compound:）不能再写“${k}.N:”，各部分的打法写在各自条目中`))
  } else {
    for (const k of [...HAND_KEYS, 'face'] as const) {
      const v = val(k)
      if (v !== undefined) notation[k] = v
    }
    if (notation.dom === undefined) {
      // Report once: a `dom:` with an empty value was already reported.
      if (!written.has('dom')) issues.push(at(raw, raw.line, 'dom', '缺少“dom:”（主手打法）或“compound:”'))
    } else {
      // Part 1 is parsed without the face: on a sign in parts `face:` spans every part (resolve.ts).
      const r = parseSignNotation(partHands.size > 0 ? { ...notation, face: undefined } : notation, { entryId: raw.id, file: raw.file, line: raw.line })
      if (r.ok) sign = r.sign
      else for (const ni of r.issues) issues.push(notationIssue(raw, lineOf, ni))
    }
    // Later parts, numbered 2, 3 … without gaps, each with its own dom.N.
    const numbers = [...partHands.keys()].sort((a, b) => a - b)
    numbers.forEach((n, i) => {
      const part = partHands.get(n)!
      const lineOfPart = (k: string): number => part.get(k.replace(/\.\d+$/, ''))?.line ?? part.values().next().value!.line
      if (n !== i + 2) { issues.push(at(raw, lineOfPart('dom'), `dom.${n}`, `分段手势的段号要连续：缺第 ${i + 2} 段`)); return }
      const dom = part.get('dom')
      if (!dom) { issues.push(at(raw, lineOfPart('dom'), `dom.${n}`, `第 ${n} 段缺少“dom.${n}:”`)); return }
      const pt: SignPart = { dom: dom.value }
      for (const k of ['nondom', 'rel', 'covers'] as const) { const f = part.get(k); if (f) pt[k] = f.value }
      const r = parseSignNotation(pt, { entryId: raw.id, file: raw.file, line: raw.line })
      if (!r.ok) for (const ni of r.issues) issues.push(notationIssue(raw, lineOfPart, { ...ni, field: `${ni.field || 'dom'}.${n}` }))
      ;(notation.parts ??= []).push(pt)
    })
  }
  // face: and face.N: — of a compound's parts, or of a sign's parts. Checked here; resolve.ts applies them.
  const partCount = notation.compound ? notation.compound.length : 1 + (notation.parts?.length ?? 0)
  if (notation.compound) {
    const faceV = val('face')
    if (faceV !== undefined) notation.face = faceV
  }
  for (const [n, f] of partFaces) {
    if (partCount === 1 || Number(n) < 1 || Number(n) > partCount) {
      issues.push(at(raw, f.line, f.key, partCount === 1
        ? `face.${n}: 只用于复合词（compound:）或分段手势（dom.2: …）的第 ${n} 部分；单段手势写 face:`
        : `${notation.compound ? '复合词' : '分段手势'}只有 ${partCount} 个部分，没有第 ${n} 部分`))
      continue
    }
    (notation.partFaces ??= {})[n] = f.value
  }
  const faceChecks: Array<[string, string | undefined]> = [...Object.entries(notation.partFaces ?? {}).map(([n, v]) => [`face.${n}`, v] as [string, string])]
  // A simple sign's own face: was parsed with its notation; a compound's or a sign in parts' is checked here.
  if (notation.compound || notation.parts) faceChecks.unshift(['face', notation.face])
  for (const [key, text] of faceChecks) {
    if (text === undefined) continue
    const r = parseFace(text, { entryId: raw.id, file: raw.file, line: raw.line })
    if (!r.ok) for (const ni of r.issues) issues.push(notationIssue(raw, k => k === 'face' ? (partFaces.get(key.slice(5))?.line ?? lineOf(key)) : lineOf(k), { ...ni, field: key }))
  }

  const e: CheckedEntry = {
    id: raw.id,
    word: raw.word,
    shares,
    pos,
    category: raw.category,
    type,
    notation,
    related,
    example: val('example') ?? '',
    source: sourceV ?? '',
    status,
    file: raw.file,
    line: raw.line
  }
  if (nat) e.nat = nat
  if (origin) e.origin = origin
  if (note !== undefined) e.note = note
  if (needs.length > 0) e.needs = needs
  if (aliases.length > 0) e.aliases = aliases
  if (variant) e.variant = variant
  if (reviewer !== undefined) { e.reviewer = reviewer; e.reviewedAt = reviewedAt }
  if (pinyinOverride) e.pinyinOverride = pinyinOverride
  if (sign) e.sign = sign
  return e
}

function fieldLine (raw: RawEntry, key: string): number {
  return raw.fields.find(f => f.key === key)?.line ?? raw.line
}

function where (e: { file: string, line: number }): string {
  return `${e.file}:${e.line}`
}

/**
 * Checks raw entries from all files together: each entry on its own, then the cross-entry rules
 * (duplicate ids and words, references, compound cycles, categories, ambiguous shares).
 * Returns every entry (best effort, so tools can still count them) and every issue.
 */
export function validateDictionary (input: { categories: readonly Category[], entries: readonly RawEntry[] }): ValidationResult {
  const issues: DataIssue[] = []
  const checked = input.entries.map(raw => checkEntry(raw, issues))
  const rawById = new Map<string, RawEntry>()
  const byId = new Map<string, CheckedEntry>()

  // Categories come from file names; report each unknown one once, at the file's first entry.
  const catIds = new Set(input.categories.map(c => c.id))
  const reportedFiles = new Set<string>()
  input.entries.forEach(raw => {
    if (catIds.has(raw.category) || reportedFiles.has(raw.file)) return
    reportedFiles.add(raw.file)
    issues.push({ file: raw.file, line: raw.line, entryId: raw.id, field: 'category',
      message: `未知分类“${raw.category}”：文件名必须是 categories.txt 中的分类 id` })
  })

  input.entries.forEach((raw, i) => {
    const prev = rawById.get(raw.id)
    if (prev) {
      issues.push({ file: raw.file, line: raw.line, entryId: raw.id, field: 'id', message: `id 重复，已用于 ${where(prev)} 的“${prev.word}”` })
      return
    }
    rawById.set(raw.id, raw)
    byId.set(raw.id, checked[i])
  })

  // One word, several entries: only as numbered variants (①②) with distinct n.
  const byWord = new Map<string, number[]>()
  checked.forEach((e, i) => {
    if (e.word === '') return
    const list = byWord.get(e.word) ?? []
    list.push(i)
    byWord.set(e.word, list)
  })
  for (const [word, idx] of byWord) {
    const raws = idx.map(i => input.entries[i])
    if (idx.length === 1) {
      const e = checked[idx[0]]
      if (e.variant) {
        issues.push({ file: e.file, line: fieldLine(raws[0], 'variant'), entryId: e.id, field: 'variant',
          message: `“${word}”只有这一个条目，不需要 variant（另一种打法请另建条目）` })
      }
      continue
    }
    const seenN = new Map<number, CheckedEntry>()
    idx.forEach((i, k) => {
      const e = checked[i]
      const others = idx.filter(j => j !== i).map(j => `${checked[j].id}（${where(checked[j])}）`).join('、')
      if (!e.variant) {
        // A malformed variant line was already reported; only a missing one is new here.
        if (!raws[k].fields.some(f => f.key === 'variant')) {
          issues.push({ file: e.file, line: e.line, entryId: e.id, field: 'variant',
            message: `“${word}”也是 ${others} 的词目：同词多个打法须各写“variant: 编号 何时使用”` })
        }
        return
      }
      const dup = seenN.get(e.variant.n)
      if (dup) {
        issues.push({ file: e.file, line: fieldLine(raws[k], 'variant'), entryId: e.id, field: 'variant',
          message: `“${word}”的 variant 编号 ${e.variant.n} 已被 ${dup.id}（${where(dup)}）使用` })
      } else {
        seenN.set(e.variant.n, e)
      }
    })
  }

  // A shared word belongs to one sign: two entries claiming it (other than variants of one
  // word) make search and translation pick arbitrarily between different signs.
  const shareOwner = new Map<string, number>()
  checked.forEach((e, i) => {
    const raw = input.entries[i]
    if (byId.get(e.id) !== e) return
    for (const s of e.shares) {
      const first = shareOwner.get(s)
      if (first === undefined) { shareOwner.set(s, i); continue }
      const o = checked[first]
      if (o.word === e.word) continue
      issues.push({ file: e.file, line: fieldLine(raw, 'shares'), entryId: e.id, field: 'shares',
        message: `“${s}”已写在 ${o.id}（${where(o)}）的 shares 里：同一个词只能属于一个手语，请只留一处` })
    }
  })

  // Retired ids (aliases:), then references. A related: id or a compound part may be a retired one
  // (another file merged it meanwhile): it names the entry it was merged into.
  const aliasOwner = new Map<string, string>()
  checked.forEach((e, i) => {
    const raw = input.entries[i]
    if (byId.get(e.id) !== e) return // a duplicate id, already reported
    for (const a of e.aliases ?? []) {
      const line = fieldLine(raw, 'aliases')
      if (byId.has(a)) issues.push({ file: e.file, line, entryId: e.id, field: 'aliases', message: `“${a}”还是一个条目的 id：合并后要删除旧条目，或不再写它作 aliases` })
      else if (aliasOwner.has(a) && aliasOwner.get(a) !== e.id) issues.push({ file: e.file, line, entryId: e.id, field: 'aliases', message: `“${a}”已是“${aliasOwner.get(a)}”的 aliases：一个旧 id 只能并入一个条目` })
      else aliasOwner.set(a, e.id)
    }
  })
  // A compound part retired by a merge is the entry it was merged into (the same national sign).
  for (const e of checked) {
    if (e.notation.compound?.some(c => aliasOwner.has(c))) e.notation.compound = e.notation.compound.map(c => aliasOwner.get(c) ?? c)
  }
  checked.forEach((e, i) => {
    const raw = input.entries[i]
    if (byId.get(e.id) !== e) return
    for (const r of e.related) {
      if (r !== e.id && !byId.has(r) && !aliasOwner.has(r)) issues.push({ file: e.file, line: fieldLine(raw, 'related'), entryId: e.id, field: 'related', message: `相关条目 id 不存在：“${r}”` })
    }
    for (const s of e.shares) {
      const owners = byWord.get(s)
      if (owners) {
        const o = checked[owners[0]]
        issues.push({ file: e.file, line: fieldLine(raw, 'shares'), entryId: e.id, field: 'shares',
          message: `“${s}”已是 ${o.id}（${where(o)}）的词目，写在 shares 里会让查词有歧义` })
      }
    }
    for (const c of e.notation.compound ?? []) {
      if (c === e.id) issues.push({ file: e.file, line: fieldLine(raw, 'compound'), entryId: e.id, field: 'compound', message: '复合词不能包含自身' })
      else if (!byId.has(c)) issues.push({ file: e.file, line: fieldLine(raw, 'compound'), entryId: e.id, field: 'compound', message: `复合词的部分 id 不存在：“${c}”` })
    }
  })

  // A sign the project made is built only from national signs: a compound whose parts are national
  // (or themselves such compounds). Until an entry is transcribed it says so (needs: transcription).
  const nationalLeaves = (id: string, seen: Set<string>): boolean => {
    const e = byId.get(id)
    if (!e || seen.has(id)) return true // missing parts and cycles are reported elsewhere
    seen.add(id)
    if (!e.notation.compound) return e.nat !== undefined || e.origin?.kind === 'scheme'
    return e.notation.compound.every(c => nationalLeaves(c, seen))
  }
  checked.forEach((e, i) => {
    if (byId.get(e.id) !== e || e.origin?.kind !== 'project' || e.needs?.includes(NEEDS_TRANSCRIPTION)) return
    const raw = input.entries[i]
    if (!e.notation.compound) {
      issues.push({ file: e.file, line: fieldLine(raw, 'origin'), entryId: e.id, field: 'origin',
        message: '自拟的手势（origin: project）要用国家词典的手势组合（compound:），不能自创单个手势' })
    } else if (!e.notation.compound.every(c => nationalLeaves(c, new Set([e.id])))) {
      issues.push({ file: e.file, line: fieldLine(raw, 'compound'), entryId: e.id, field: 'compound',
        message: '自拟的复合词只能由国家词典的手势（nat:）组成' })
    }
  })

  // Compound cycles (a → b → a): each entry on a cycle is reported with its path.
  for (const e of byId.values()) {
    if (!e.notation.compound) continue
    const path = findCycle(e.id, byId)
    if (path) {
      issues.push({ file: e.file, line: fieldLine(rawById.get(e.id) as RawEntry, 'compound'), entryId: e.id, field: 'compound',
        message: `复合词循环引用：${path.join(' → ')}` })
    }
  }

  return { entries: checked, issues }
}

/** Path from `start` back to itself through compound parts, or null. Self-reference is reported elsewhere. */
function findCycle (start: string, byId: ReadonlyMap<string, CheckedEntry>): string[] | null {
  const seen = new Set<string>()
  const walk = (id: string, path: string[]): string[] | null => {
    for (const c of byId.get(id)?.notation.compound ?? []) {
      if (c === start && path.length > 1) return [...path, c]
      if (c === id || seen.has(c) || !byId.has(c)) continue
      seen.add(c)
      const p = walk(c, [...path, c])
      if (p) return p
    }
    return null
  }
  return walk(start, [start])
}

export interface SourceText {
  /** Path shown in messages, e.g. 'src/data/signs/food.signs'. */
  file: string
  text: string
}

/**
 * Parses and validates a whole source set: categories.txt plus every .signs file.
 * Issues are sorted by file, then line.
 */
export function checkSources (categories: SourceText, files: readonly SourceText[]): {
  categories: Category[]
  entries: CheckedEntry[]
  issues: DataIssue[]
} {
  const cats = parseCategories(categories.text, categories.file)
  const issues: DataIssue[] = [...cats.issues]
  const raws: RawEntry[] = []
  for (const f of files) {
    const r = parseSignsFile(f.text, f.file)
    raws.push(...r.entries)
    issues.push(...r.issues)
  }
  const v = validateDictionary({ categories: cats.categories, entries: raws })
  issues.push(...v.issues)
  const order = new Map<string, number>([[categories.file, -1], ...files.map((f, i): [string, number] => [f.file, i])])
  issues.sort((a, b) => (order.get(a.file) ?? 1e9) - (order.get(b.file) ?? 1e9) || a.line - b.line)
  return { categories: cats.categories, entries: v.entries, issues }
}
