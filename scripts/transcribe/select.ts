/**
 * select — which national signs the dictionary transcribes, and the batch plan (issue 12).
 *
 *   npx tsx scripts/transcribe/select.ts                       summary + write scripts/transcribe/manifest.json
 *   npx tsx scripts/transcribe/select.ts --dry                 summary only
 *   … --lanes 8 --batch-size 60                                 people working in parallel, signs per batch
 *   … --write-categories                                        also add the new categories to src/data/categories.txt
 *   … --check-categories                                        how often the placement rules agree with the current files
 *   … --list ambiguous|unmatched|duplicates|byShare|dropped     print one list of the mapping
 *
 * The selection: every national sign one of whose words has a frequency of 500 or more in
 * jieba's dict.txt, plus every sign the current entries map to, plus the parts of selected
 * compounds that are national signs (docs/transcription.md). The manifest holds national ids,
 * headwords, words and volumes (facts, shared/reference/README.md) — never description text.
 */
import { writeFileSync, readFileSync, existsSync } from 'node:fs'
import { loadNational, MissingReferenceError, headwordMark, rawMeanings, type NatSign, type NationalDictionary } from '../reference/db'
import { NEW_CATEGORIES, parseOverrides, placeSign } from './categories'
import {
  CATEGORIES_FILE, FREQ_THRESHOLD, MANIFEST_FILE, OVERRIDES_FILE, type Manifest, type ManifestBatch, type ManifestSign,
  type SourceEntry, entryIdFor, freqOf, loadCategories, loadEntries, posOf
} from './lib'
import { buildPartIndex, partSigns } from './parts'

/** Files whose entries are not words (handshape rows): never mapped to national signs. */
const NOT_WORDS = new Set(['letters'])

export interface MappingResult {
  /** entry id → national sign */
  matched: Map<string, { sign: NatSign, how: 'nat' | 'word' | 'variant' | 'shares' | 'share' | 'picked' }>
  ambiguous: Array<{ entry: SourceEntry, candidates: NatSign[] }>
  unmatched: SourceEntry[]
}

/** The highest frequency of a sign's words. */
export const signFreq = (s: NatSign): number => Math.max(0, ...s.meanings.map(m => freqOf(m.word)))

/**
 * Maps current entries onto national signs: an entry's `nat:` if it has one; else the signs that
 * have its word (one → match; several → its `variant:` number, then the most shared words, then
 * — listed as ambiguous — the first variant); else the signs that have one of its shares (one → match).
 */
export function mapEntries (nd: NationalDictionary, entries: readonly SourceEntry[]): MappingResult {
  const matched: MappingResult['matched'] = new Map()
  const ambiguous: MappingResult['ambiguous'] = []
  const unmatched: SourceEntry[] = []
  for (const e of entries) {
    if (NOT_WORDS.has(e.category)) continue
    if (e.nat !== null) {
      const s = nd.byId.get(e.nat)
      if (s) { matched.set(e.id, { sign: s, how: 'nat' }); continue }
    }
    const cands = nd.byWord.get(e.word) ?? []
    if (cands.length === 1) { matched.set(e.id, { sign: cands[0], how: 'word' }); continue }
    if (cands.length > 1) {
      if (e.variant > 0) {
        const v = cands.filter(s => s.meanings.some(m => m.word === e.word && m.variant === e.variant))
        if (v.length === 1) { matched.set(e.id, { sign: v[0], how: 'variant' }); continue }
      }
      const overlap = (s: NatSign): number => s.meanings.filter(m => e.shares.includes(m.word)).length
      const ranked = cands.map(s => ({ s, n: overlap(s) })).sort((a, b) => b.n - a.n)
      if (ranked[0].n > 0 && ranked[0].n > ranked[1].n) { matched.set(e.id, { sign: ranked[0].s, how: 'shares' }); continue }
      // several signs, nothing to choose by: a sign whose headword is the word, then the first
      // numbered variant (①) — listed as ambiguous for a person to confirm
      const isHead = (s: NatSign): number => Number(s.meanings[0]?.word === e.word)
      const first = [...cands].sort((a, b) => isHead(b) - isHead(a) || variantOf(a, e.word) - variantOf(b, e.word) || a.id - b.id)[0]
      matched.set(e.id, { sign: first, how: 'picked' })
      ambiguous.push({ entry: e, candidates: cands })
      continue
    }
    const byShare = new Set<NatSign>()
    for (const w of e.shares) for (const s of nd.byWord.get(w) ?? []) byShare.add(s)
    if (byShare.size === 1) { matched.set(e.id, { sign: [...byShare][0], how: 'share' }); continue }
    if (byShare.size > 1) { ambiguous.push({ entry: e, candidates: [...byShare] }); continue }
    unmatched.push(e)
  }
  return { matched, ambiguous, unmatched }
}

/** The variant number a sign gives a word (①/❶ → 1), 0 when unnumbered. */
function variantOf (s: NatSign, word: string): number {
  return s.meanings.find(m => m.word === word)?.variant ?? 0
}

const ZH_NUM = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十']

export interface SelectOptions { lanes: number, batchSize: number, overrides?: Map<string, string> }

export interface Selection {
  manifest: Manifest
  /** national id → manifest sign */
  bySign: Map<number, ManifestSign>
}

export function select (nd: NationalDictionary, entries: readonly SourceEntry[], opt: SelectOptions): Selection {
  const overrides = opt.overrides ?? new Map<string, string>()
  // 1. the frequency rule, on the words as stored (the issue's count) and on the cleaned words
  const rawSel = new Set<number>()
  for (const m of rawMeanings()) if (freqOf(m.text) >= FREQ_THRESHOLD) rawSel.add(m.signId)
  const freqSel = new Set<number>()
  for (const s of nd.signs) if (s.meanings.some(m => freqOf(m.word) >= FREQ_THRESHOLD)) freqSel.add(s.id)

  // 2. the current entries
  const map = mapEntries(nd, entries)
  const entryOfSign = new Map<number, SourceEntry[]>()
  for (const e of entries) {
    const m = map.matched.get(e.id)
    if (m) entryOfSign.set(m.sign.id, [...(entryOfSign.get(m.sign.id) ?? []), e])
  }
  const duplicates: Manifest['mapping']['duplicates'] = []
  const keeper = new Map<number, SourceEntry>()
  for (const [nat, es] of entryOfSign) {
    const s = nd.byId.get(nat)!
    const head = s.meanings[0]?.word
    const sorted = [...es].sort((a, b) => Number(b.word === head) - Number(a.word === head) || freqOf(b.word) - freqOf(a.word) || a.id.localeCompare(b.id))
    keeper.set(nat, sorted[0])
    if (sorted.length > 1) duplicates.push({ nat, headword: s.headword, kept: sorted[0].id, others: sorted.slice(1).map(x => x.id) })
  }

  // 3. parts of selected compounds
  const selected = new Set<number>([...freqSel, ...keeper.keys()])
  const pidx = buildPartIndex(nd.signs)
  const partsOf = new Map<number, NatSign[]>()
  const partOnly = new Set<number>()
  for (const id of [...selected]) {
    const ps = partSigns(nd.byId.get(id)!, pidx)
    if (!ps || ps.some(p => p === null)) continue
    partsOf.set(id, ps as NatSign[])
    for (const p of ps as NatSign[]) if (!selected.has(p.id)) { partOnly.add(p.id); selected.add(p.id) }
  }

  // 4. words, ids, categories
  const taken = new Set(entries.map(e => e.id))
  const order = [...selected].map(id => nd.byId.get(id)!).sort((a, b) => signFreq(b) - signFreq(a) || a.id - b.id)
  const signs: ManifestSign[] = []
  const bySign = new Map<number, ManifestSign>()
  const compoundOf = new Map<number, number>() // part-only sign → its first compound
  for (const [c, ps] of partsOf) for (const p of ps) if (partOnly.has(p.id) && !compoundOf.has(p.id)) compoundOf.set(p.id, c)
  const placeOf = (s: NatSign): { category: string, reason: string } => {
    const k = keeper.get(s.id)
    if (k) return { category: k.category, reason: `existing ${k.id}` }
    return placeSign(s.meanings.map(m => m.word), posOf, overrides)
  }
  for (const s of order) {
    const k = keeper.get(s.id)
    const words = s.meanings.map(m => m.word)
    const word = k && words.includes(k.word) ? k.word : words[0] ?? s.headword
    const id = k ? k.id : entryIdFor(word, taken)
    const why: ManifestSign['why'] = []
    if (freqSel.has(s.id)) why.push('freq')
    if (k) why.push('existing')
    if (partOnly.has(s.id)) why.push('part')
    const place = partOnly.has(s.id) && !k && compoundOf.has(s.id) ? { category: '', reason: 'part' } : placeOf(s)
    const ms: ManifestSign = {
      nat: s.id,
      mark: headwordMark(s.headword),
      id,
      word,
      shares: words.filter(w => w !== word),
      volume: s.volume,
      headword: s.headword,
      category: place.category,
      freq: signFreq(s),
      why,
      pos: posOf(word),
      placement: place.reason
    }
    if (k) ms.existing = { id: k.id, word: k.word, file: k.file }
    const dup = duplicates.find(d => d.nat === s.id)
    if (dup) ms.merges = dup.others
    signs.push(ms)
    bySign.set(s.id, ms)
  }
  // a part sign that is only there for a compound goes to the compound's file
  for (const ms of signs) {
    if (ms.category !== '') continue
    const c = bySign.get(compoundOf.get(ms.nat)!)!
    ms.category = c.category || placeOf(nd.byId.get(ms.nat)!).category
    ms.placement = `part of ${c.id}`
  }
  for (const [c, ps] of partsOf) bySign.get(c)!.compound = ps.map(p => bySign.get(p.id)!.id)

  // 5. shares: a word belongs to one entry (validator: shares are not another entry's word, and a
  //    shared word belongs to one sign). Entry words win; then the sign with the lower variant
  //    number for that word, then the more frequent sign.
  const keptIds = new Set([...keeper.values()].map(e => e.id))
  const staying = entries.filter(e => !keptIds.has(e.id) && !NOT_WORDS.has(e.category))
  const wordOwner = new Map<string, string>()
  for (const ms of signs) if (!wordOwner.has(ms.word)) wordOwner.set(ms.word, ms.id)
  for (const e of staying) if (!wordOwner.has(e.word)) wordOwner.set(e.word, e.id)
  const shareOwner = new Map<string, ManifestSign>()
  const rankFor = (ms: ManifestSign, w: string): number => variantOf(nd.byId.get(ms.nat)!, w) || 0
  for (const ms of signs) {
    for (const w of ms.shares) {
      const cur = shareOwner.get(w)
      if (!cur || rankFor(ms, w) < rankFor(cur, w)) shareOwner.set(w, ms)
    }
  }
  const stayingShares = new Map<string, string>()
  for (const e of staying) for (const w of e.shares) stayingShares.set(w, e.id)
  for (const ms of signs) {
    const keep: string[] = []
    const dropped: Array<{ word: string, to: string }> = []
    for (const w of ms.shares) {
      const ow = wordOwner.get(w)
      if (ow && ow !== ms.id) dropped.push({ word: w, to: ow })
      else if (shareOwner.get(w) !== ms) dropped.push({ word: w, to: shareOwner.get(w)!.id })
      else if (stayingShares.has(w)) dropped.push({ word: w, to: stayingShares.get(w)! })
      else keep.push(w)
    }
    ms.shares = keep
    if (dropped.length) ms.sharesDropped = dropped
  }

  // 6. variants: a word with several entries gets `variant: n` on each
  const byWord = new Map<string, ManifestSign[]>()
  for (const ms of signs) byWord.set(ms.word, [...(byWord.get(ms.word) ?? []), ms])
  for (const [w, group] of byWord) {
    const stayingSame = staying.filter(e => e.word === w)
    if (group.length + stayingSame.length < 2) continue
    const used = new Set<number>(stayingSame.map(e => e.variant).filter(n => n > 0))
    const sorted = [...group].sort((a, b) => (variantOf(nd.byId.get(a.nat)!, w) || 99) - (variantOf(nd.byId.get(b.nat)!, w) || 99) || a.nat - b.nat)
    for (const ms of sorted) {
      let n = variantOf(nd.byId.get(ms.nat)!, w)
      if (n === 0 || used.has(n)) { n = 1; while (used.has(n)) n++ }
      used.add(n)
      ms.variant = n
      const sense = /[\u2776-\u277f]/.test(ms.mark)
      ms.variantNote = sense && ms.shares.length ? `义同“${ms.shares.slice(0, 2).join('”“')}”` : `第${ZH_NUM[n] ?? n}种打法`
    }
  }

  // 7. lanes and batches: whole categories per lane (disjoint files), batches by frequency
  const byCat = new Map<string, ManifestSign[]>()
  for (const ms of signs) byCat.set(ms.category, [...(byCat.get(ms.category) ?? []), ms])
  const unmatchedByCat = new Map<string, number>()
  for (const e of [...map.unmatched, ...map.ambiguous.filter(a => !map.matched.has(a.entry.id)).map(a => a.entry)]) unmatchedByCat.set(e.category, (unmatchedByCat.get(e.category) ?? 0) + 1)
  const load = (c: string): number => (byCat.get(c)?.length ?? 0) + 0.5 * (unmatchedByCat.get(c) ?? 0)
  const cats = [...new Set([...byCat.keys(), ...unmatchedByCat.keys()])].sort((a, b) => load(b) - load(a) || a.localeCompare(b))
  const lanes = Array.from({ length: opt.lanes }, (_, i) => ({ lane: i + 1, categories: [] as string[], signs: 0, existingUnmatched: 0, load: 0 }))
  for (const c of cats) {
    const l = lanes.reduce((a, b) => (b.load < a.load ? b : a))
    l.categories.push(c); l.load += load(c); l.signs += byCat.get(c)?.length ?? 0; l.existingUnmatched += unmatchedByCat.get(c) ?? 0
  }
  const laneOf = new Map<string, number>()
  for (const l of lanes) for (const c of l.categories) laneOf.set(c, l.lane)
  const batches: ManifestBatch[] = []
  const batchOf = new Map<string, string>()
  for (const l of lanes) {
    for (const c of l.categories) {
      const list = (byCat.get(c) ?? []).slice()
      // parts first (a compound's parts exist before it), then the most frequent words
      const isPart = (ms: ManifestSign): number => Number(signs.some(x => x.compound?.includes(ms.id) && x.category === c))
      list.sort((a, b) => isPart(b) - isPart(a) || b.freq - a.freq || a.nat - b.nat)
      for (let i = 0; i < list.length; i += opt.batchSize) {
        const id = `${c}-${String(i / opt.batchSize + 1).padStart(2, '0')}`
        const chunk = list.slice(i, i + opt.batchSize)
        for (const ms of chunk) batchOf.set(ms.id, id)
        batches.push({ id, lane: l.lane, files: [`src/data/signs/${c}.signs`], signs: chunk })
      }
    }
  }
  for (const b of batches) {
    const after = new Set<string>()
    for (const ms of b.signs) for (const p of ms.compound ?? []) { const pb = batchOf.get(p); if (pb && pb !== b.id) after.add(pb) }
    if (after.size) b.after = [...after].sort()
  }

  const usedCats = new Set(signs.map(s => s.category))
  const known = new Set(loadCategories().map(c => c.id))
  const manifest: Manifest = {
    version: 1,
    note: 'Generated by scripts/transcribe/select.ts (docs/transcription.md). National ids, headwords, words and volumes of 《国家通用手语词典》 (facts); no description text.',
    counts: {
      national_signs: nd.signs.length,
      freq_rule_raw_meanings: rawSel.size,
      freq_rule_clean_words: freqSel.size,
      existing_entries: entries.filter(e => !NOT_WORDS.has(e.category)).length,
      existing_mapped: map.matched.size,
      existing_mapped_signs: keeper.size,
      existing_not_in_freq_rule: [...keeper.keys()].filter(n => !freqSel.has(n)).length,
      existing_ambiguous: map.ambiguous.length,
      existing_unmatched: map.unmatched.length,
      existing_duplicates: duplicates.reduce((n, d) => n + d.others.length, 0),
      compounds_of_national_parts: partsOf.size,
      part_only_signs: partOnly.size,
      selected: signs.length,
      batches: batches.length
    },
    lanes: lanes.map(({ load: _l, ...rest }) => rest),
    batches,
    mapping: {
      ambiguous: map.ambiguous.map(a => ({ id: a.entry.id, word: a.entry.word, file: a.entry.file, candidates: a.candidates.map(s => ({ nat: s.id, headword: s.headword })) })),
      unmatched: map.unmatched.map(e => ({ id: e.id, word: e.word, file: e.file })),
      duplicates,
      byShare: [...map.matched].filter(([, m]) => m.how === 'share').map(([id, m]) => ({ id, word: entries.find(e => e.id === id)!.word, nat: m.sign.id, headword: m.sign.headword }))
    },
    newCategories: NEW_CATEGORIES.filter(c => usedCats.has(c.id) && !known.has(c.id))
  }
  return { manifest, bySign }
}

/** The manifest as text: one sign per line, so a change to one sign is a one-line diff. */
export function manifestText (m: Manifest): string {
  const { batches, ...head } = m
  const lines = [JSON.stringify(head, null, 1).replace(/\n}$/, ','), ' "batches": [']
  batches.forEach((b, i) => {
    const { signs, ...bh } = b
    lines.push(`  ${JSON.stringify(bh).replace(/}$/, ', "signs": [')}`)
    signs.forEach((s, j) => lines.push(`   ${JSON.stringify(s)}${j < signs.length - 1 ? ',' : ''}`))
    lines.push(`  ]}${i < batches.length - 1 ? ',' : ''}`)
  })
  lines.push(' ]', '}')
  return lines.join('\n') + '\n'
}

/** Adds the new categories to categories.txt before `letters` (display order); idempotent. */
export function addCategories (text: string, add: Array<{ id: string, zh: string }>): string {
  const lines = text.replace(/\n$/, '').split('\n')
  const have = new Set(lines.map(l => l.trim().split(/\s+/)[0]))
  const fresh = add.filter(c => !have.has(c.id)).map(c => `${c.id} ${c.zh}`)
  if (fresh.length === 0) return text
  const at = lines.findIndex(l => l.startsWith('letters '))
  lines.splice(at < 0 ? lines.length : at, 0, ...fresh)
  return lines.join('\n') + '\n'
}

function main (argv: string[]): number {
  const num = (flag: string, d: number): number => { const i = argv.indexOf(flag); return i >= 0 ? Number(argv[i + 1]) : d }
  const lanes = num('--lanes', 8)
  const batchSize = num('--batch-size', 60)
  if (!Number.isInteger(lanes) || lanes < 1 || !Number.isInteger(batchSize) || batchSize < 1) {
    console.error('--lanes 与 --batch-size 必须是正整数')
    return 2
  }
  let nd: NationalDictionary
  try { nd = loadNational() } catch (e) {
    if (e instanceof MissingReferenceError) { console.error(e.message); return 1 }
    throw e
  }
  const entries = loadEntries()
  const overrides = existsSync(OVERRIDES_FILE) ? parseOverrides(readFileSync(OVERRIDES_FILE, 'utf8')) : new Map<string, string>()
  if (argv.includes('--check-categories')) {
    const map = mapEntries(nd, entries)
    let agree = 0; let n = 0
    const byCat = new Map<string, { n: number, agree: number }>()
    for (const e of entries) {
      if (NOT_WORDS.has(e.category) || e.category === 'numbers') continue
      const m = map.matched.get(e.id)
      const ws = m ? [e.word, ...m.sign.meanings.map(x => x.word).filter(w => w !== e.word)] : [e.word, ...e.shares]
      const p = placeSign(ws, posOf, overrides)
      n++; const ok = p.category === e.category; if (ok) agree++
      const c = byCat.get(e.category) ?? { n: 0, agree: 0 }; c.n++; if (ok) c.agree++; byCat.set(e.category, c)
      if (!ok && argv.includes('--verbose')) console.log(`${e.category}\t${e.word}\t→ ${p.category}\t${p.reason}`)
    }
    console.log(`placement agrees with the current file for ${agree} of ${n} entries (${(100 * agree / n).toFixed(1)} %)`)
    for (const [c, v] of [...byCat].sort((a, b) => a[1].agree / a[1].n - b[1].agree / b[1].n)) console.log(`  ${c}: ${v.agree}/${v.n}`)
    return 0
  }
  const { manifest } = select(nd, entries, { lanes, batchSize, overrides })
  const list = argv.includes('--list') ? argv[argv.indexOf('--list') + 1] : undefined
  if (list) {
    if (list === 'dropped') {
      for (const b of manifest.batches) for (const s of b.signs) for (const d of s.sharesDropped ?? []) console.log(`${s.id}\t${s.word}\t${d.word} → ${d.to}`)
      return 0
    }
    const l = (manifest.mapping as Record<string, unknown>)[list]
    if (!Array.isArray(l)) { console.error('--list 只能是 ambiguous、unmatched、duplicates、byShare、dropped'); return 2 }
    for (const x of l) console.log(JSON.stringify(x))
    return 0
  }
  const c = manifest.counts
  console.log(`国家词典 ${c.national_signs} 个手势。频率规则（dict.txt 词频 ≥ ${FREQ_THRESHOLD}）：按库中原样的词 ${c.freq_rule_raw_meanings} 个，按清理后的词（去空格、去拼音、拆括号）${c.freq_rule_clean_words} 个。`)
  console.log(`现有词条 ${c.existing_entries} 个（不含字母）：对上国家手势 ${c.existing_mapped} 个（${c.existing_mapped_signs} 个手势，其中 ${c.existing_not_in_freq_rule} 个不在频率规则内），多义待定 ${c.existing_ambiguous}，对不上 ${c.existing_unmatched}，与别的词条重复 ${c.existing_duplicates}。`)
  console.log(`各部分都是国家手势的复合手势 ${c.compounds_of_national_parts} 个，为此加入的部分手势 ${c.part_only_signs} 个。共选 ${c.selected} 个手势，${c.batches} 批。`)
  for (const l of manifest.lanes) console.log(`  第 ${l.lane} 组：${l.signs} 个手势 + ${l.existingUnmatched} 个待定旧词条：${l.categories.join(' ')}`)
  if (manifest.newCategories.length) console.log(`新分类：${manifest.newCategories.map(x => `${x.id} ${x.zh}`).join('，')}${argv.includes('--write-categories') ? '' : '（加 --write-categories 写入 categories.txt）'}`)
  if (argv.includes('--dry')) return 0
  writeFileSync(MANIFEST_FILE, manifestText(manifest))
  console.log(`已写入 ${MANIFEST_FILE}`)
  if (argv.includes('--write-categories')) {
    writeFileSync(CATEGORIES_FILE, addCategories(readFileSync(CATEGORIES_FILE, 'utf8'), manifest.newCategories))
    console.log(`已更新 ${CATEGORIES_FILE}`)
  }
  return 0
}

if (require.main === module) process.exitCode = main(process.argv.slice(2))
