/**
 * Survey of what the national descriptions (《国家通用手语词典》2019, reference db) require of the
 * sign notation — the design input of notation version 2 (docs/notation.md). From the project root:
 *
 *   npx tsx scripts/reference/survey.ts OUT_DIR              → OUT_DIR/survey.json + OUT_DIR/report.md
 *   npx tsx scripts/reference/survey.ts --sample 40 --seed 7 print 40 random signs with the classification of every clause
 *   … survey.ts --unclassified                                print every unclassified hand clause (with its sign id)
 *   … survey.ts --status STATUS                               print the clauses of one status (shape, noshape, …)
 *   … survey.ts --shape KEY                                   print the segments whose resolved handshape is KEY
 *   … survey.ts --phrase LABEL                                print the clauses with the handshape phrase LABEL
 *   … survey.ts --construct ID                                print the clauses counted for construct / feature ID
 *
 * The debug modes print description text to the terminal only. survey.json and report.md carry
 * counts, normalised phrase labels (a few characters), national ids and headwords — never a
 * sentence of the descriptions (shared/reference/README.md, Terms); write them outside the repo
 * (or to a folder that is not committed) and copy the counts you need into docs/.
 *
 * The grammar itself is scripts/reference/grammar.ts (shared with scripts/transcribe/draft.ts).
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import { SITES } from '../../src/core/sign/sites'
import { loadNational, MissingReferenceError } from './db'
import {
  type Clause, type ClauseResult, type Feature, type Match, type Shape, BODY, CONSTRUCTS, EXPLAIN_RE, FSET, HAND_PLACES,
  MOVES, NONMANUAL, PROPOSALS, SIDE_MOVE_RE, SIDE_PLACE_RE, SUBJ_RE, classify, clausesOf, fsetLabel, matchShape, normLines,
  parseFset, segments, sideKind
} from './grammar'

const argv = process.argv.slice(2)
const arg = (n: string): string | undefined => { const i = argv.indexOf(n); return i >= 0 ? argv[i + 1] : undefined }
const DEBUG_FLAGS = ['--sample', '--status', '--construct', '--unclassified', '--shape', '--phrase']
const debug = argv.some(a => DEBUG_FLAGS.includes(a))
const OUT_DIR = debug ? '' : argv.find(a => !a.startsWith('--')) ?? ''
if (!debug && !OUT_DIR) {
  console.error('用法：npx tsx scripts/reference/survey.ts 输出目录   （或 --sample N --seed S / --unclassified / --status S / --shape KEY / --phrase LABEL / --construct ID）')
  process.exit(2)
}

let national: ReturnType<typeof loadNational>
try {
  national = loadNational()
} catch (e) {
  if (e instanceof MissingReferenceError) { console.error(e.message); process.exit(1) }
  throw e
}

interface Sign { id: number, headword: string, desc: string }
const SIGNS: Sign[] = national.signs.map(s => ({ id: s.id, headword: s.headword, desc: s.description }))
const HEAD = new Map(SIGNS.map(s => [s.id, s.headword]))
const LOST_SYMBOL_SIGNS = SIGNS.filter(s => s.desc.includes('“”')).length
const NORM = new Map(SIGNS.map(s => [s.id, normLines(s.desc)]))
const ALL_CLAUSES: Clause[] = SIGNS.flatMap(s => clausesOf({ id: s.id, description: s.desc }, NORM.get(s.id)))

function partTexts (signId: number): string[] {
  const byPart = new Map<number, string[]>()
  let skipSent = ''
  for (const r of BY_SIGN.get(signId) ?? []) {
    const sk = `${r.c.part}/${r.c.sent}`
    if (skipSent === sk) continue // the rest of a sentence that began to explain (表示双脚…，脚尖着地)
    if (EXPLAIN_RE.test(r.c.text)) { if (/^(?:表示|象征|意为|代表)/.test(r.c.text)) skipSent = sk; continue }
    const a = byPart.get(r.c.part) ?? []; a.push(r.c.text.replace(/表示.*$/, '')); byPart.set(r.c.part, a)
  }
  return [...byPart.values()].map(a => a.join('，'))
}

// ═════════════════════════════════════════════════════════════ run

const results = classify(ALL_CLAUSES)
const segs = segments(results)
const BY_SIGN = new Map<number, ClauseResult[]>()
for (const r of results) { const a = BY_SIGN.get(r.c.sign) ?? []; a.push(r); BY_SIGN.set(r.c.sign, a) }
function fmtClause (r: ClauseResult): string {
  const ph = r.phrases.map(p => `${p.role === 'base' ? '' : p.role + ':'}${p.shape.key}〈${p.form}〉`).join(' ')
  return `  [${r.status}${r.c.subj ? '/' + r.c.subj : ''}] ${r.c.text}${ph ? '   ⇒ ' + ph : ''}`
}
function printSign (id: number, partFilter?: number) {
  console.log(`#${id} ${HEAD.get(id)}`)
  for (const r of BY_SIGN.get(id) ?? []) if (partFilter === undefined || r.c.part === partFilter) console.log(fmtClause(r))
  for (const s of segs.filter(x => x.sign === id && (partFilter === undefined || x.part === partFilter))) {
    const m = matchShape(s.shape)
    console.log(`  → (${s.part + 1}) ${s.hand}: ${s.shape.key} 「${s.shape.zh}」 ${m.status} ${m.id ?? m.nearest ?? ''} ${m.diff ?? ''}${s.changes.length ? '   变为: ' + s.changes.map(x => x.key).join(',') : ''}`)
  }
}

// ── debug modes
if (arg('--sample')) {
  const n = Number(arg('--sample'))
  let seed = Number(arg('--seed') ?? 1)
  const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648 }
  const ids = new Set<number>()
  while (ids.size < n) ids.add(SIGNS[Math.floor(rnd() * SIGNS.length)].id)
  for (const id of [...ids].sort((a, b) => a - b)) printSign(id)
  process.exit(0)
}
if (arg('--status')) {
  for (const r of results.filter(x => x.status === arg('--status'))) console.log(`#${r.c.sign}${fmtClause(r)}`)
  process.exit(0)
}
if (arg('--construct')) {
  // print the clause text around each hit of a feature (constructs, non-manual, movements)
  const f = [...CONSTRUCTS, ...NONMANUAL, ...MOVES].find(x => x.id === arg('--construct'))
  if (!f) { console.error('ids: ' + [...CONSTRUCTS, ...NONMANUAL, ...MOVES].map(x => x.id).join(' ')); process.exit(1) }
  for (const sg of SIGNS) {
    for (const line of partTexts(sg.id)) {
      for (const m of line.matchAll(new RegExp(f.re.source, 'g'))) console.log(`#${sg.id} ${sg.headword}: …${line.slice(Math.max(0, m.index! - 12), m.index! + m[0].length + 8)}…`)
    }
  }
  process.exit(0)
}
if (argv.includes('--unclassified')) {
  for (const r of results.filter(x => x.status === 'unclassified')) console.log(`#${r.c.sign}${fmtClause(r)}`)
  process.exit(0)
}
if (arg('--shape')) {
  for (const s of segs.filter(x => x.shape.key === arg('--shape'))) printSign(s.sign, s.part)
  process.exit(0)
}
if (arg('--phrase')) {
  for (const r of results.filter(x => x.phrases.some(p => p.label === arg('--phrase') || p.form === arg('--phrase')))) console.log(`#${r.c.sign}${fmtClause(r)}`)
  process.exit(0)
}

// ── counting helpers
interface Tally { occ: number, signs: Set<number> }
const tally = () => new Map<string, Tally>()
function bump (t: Map<string, Tally>, k: string, sign: number, n = 1) {
  const v = t.get(k) ?? { occ: 0, signs: new Set<number>() }
  v.occ += n; v.signs.add(sign); t.set(k, v)
}
const sorted = (t: Map<string, Tally>) => [...t.entries()].sort((a, b) => b[1].signs.size - a[1].signs.size || b[1].occ - a[1].occ)
/** Up to n example signs, spread over the list (first, middle, last) so they are not all one letter. */
function examples (signs: Set<number>, n = 3): Array<{ id: number, headword: string }> {
  const a = [...signs].sort((x, y) => x - y)
  const pick = a.length <= n ? a : n === 1 ? [a[0]] : Array.from({ length: n }, (_, i) => a[Math.floor(i * (a.length - 1) / (n - 1))])
  return pick.map(id => ({ id, headword: HEAD.get(id)! }))
}
const exStr = (signs: Set<number>, n = 3) => examples(signs, n).map(e => `${e.id} ${e.headword}`).join('；')

// ── (a) clause classification and phrases
const handClauses = results.filter(r => r.handClause)
const statusCount: Record<string, number> = {}
for (const r of handClauses) statusCount[r.status] = (statusCount[r.status] ?? 0) + 1
const classified = handClauses.length - (statusCount.unclassified ?? 0)
const shapeClauses = handClauses.filter(r => r.status === 'shape').length
const subjClauses = results.filter(r => r.c.subj)
const subjWithShape = subjClauses.filter(r => r.phrases.length > 0).length

const phraseT = tally(); const formT = tally()
const phraseInfo = new Map<string, { form: string, shapeKey: string, roles: Set<string> }>()
for (const r of results) {
  for (const p of r.phrases) {
    bump(phraseT, p.label, r.c.sign); bump(formT, p.form, r.c.sign)
    const pi = phraseInfo.get(p.label) ?? { form: p.form, shapeKey: p.shape.key, roles: new Set() }
    pi.roles.add(p.role); phraseInfo.set(p.label, pi)
  }
}

// resolved shapes per hand segment (a hand with 双手 counts once per segment)
const shapeT = tally(); const changeT = tally()
const shapeByKey = new Map<string, Shape>()
const shapeHands = new Map<string, Record<string, number>>()
for (const s of segs) {
  bump(shapeT, s.shape.key, s.sign); shapeByKey.set(s.shape.key, s.shape)
  const h = shapeHands.get(s.shape.key) ?? {}; h[s.hand ?? '?'] = (h[s.hand ?? '?'] ?? 0) + 1; shapeHands.set(s.shape.key, h)
  for (const c of s.changes) { bump(changeT, c.key, s.sign); if (!shapeByKey.has(c.key)) shapeByKey.set(c.key, c) }
}
// all shapes named anywhere (also those only reached by a change)
const allShapeKeys = new Set([...shapeT.keys(), ...changeT.keys()])
const mapping = new Map<string, Match>()
for (const k of allShapeKeys) mapping.set(k, matchShape(shapeByKey.get(k)!))

// unclassified remainder: grouped by a short skeleton (finger sets → F), ≤ 8 characters
const skeleton = (t: string) => t.replace(SUBJ_RE, 'S').replace(new RegExp(FSET, 'g'), 'F').replace(/“[^“”]*”/g, 'Q').slice(0, 8)
const unclT = tally()
for (const r of results.filter(x => x.status === 'unclassified')) bump(unclT, skeleton(r.c.text), r.c.sign)

// ── (c)(d)(f) features over clause text
function runFeatures (feats: Feature[], scope: 'clause' | 'part' = 'part') {
  const t = tally(); const sub = new Map<string, Map<string, Tally>>()
  for (const s of SIGNS) {
    for (const line of partTexts(s.id)) {
      for (const f of feats) {
        const re = new RegExp(f.re.source, f.re.flags.includes('g') ? f.re.flags : f.re.flags + 'g')
        for (const m of line.matchAll(re)) {
          if (f.test && !f.test(line.slice(Math.max(0, m.index! - 6), m.index! + m[0].length + 6), {} as Clause)) continue
          bump(t, f.id, s.id)
          const key = f.id === 'dacheng' ? (m[1] !== undefined ? `“${m[1] || '?'}”` : `${m[2]}形`)
            : f.id === 'fang_zi' ? `“${m[1] || '?'}”`
              : f.id === 'expr_mianlu' ? (m[1] ?? m[2] ?? '').replace(/的$/, '')
                : f.id === 'expr_miandai' ? m[1] : null
          if (key !== null) {
            const st = sub.get(f.id) ?? tally(); bump(st, key, s.id); sub.set(f.id, st)
          }
        }
      }
    }
  }
  void scope
  return { t, sub }
}
const cons = runFeatures(CONSTRUCTS)
const nm = runFeatures(NONMANUAL)
const mv = runFeatures(MOVES)

// 搭成: which fingers build the figure
const dachengFingers = tally()
for (const r of results) {
  for (const m of r.c.text.matchAll(new RegExp(`(${FSET})?(?:与(?:右手|左手)${FSET})?(?:先|交叉|一横一竖|相互)?搭成`, 'g'))) {
    const lab = m[1] ? fsetLabel(parseFset(m[1], null)) : '（手掌）'
    bump(dachengFingers, lab, r.c.sign)
  }
}
// one hand grasps which part of the other
const graspT = tally()
for (const s of SIGNS) {
  for (const line of NORM.get(s.id)!) {
    for (const m of line.matchAll(/(?:握住|抓住|攥住|握着|抓着|捏住|捏着)(?:左手|右手|另一手|对方)(?:的)?([^，。；]{0,5})/g)) {
      const part = /腕/.test(m[1]) ? '手腕' : /肘/.test(m[1]) ? '肘' : /臂/.test(m[1]) ? '小臂/手臂' : /(拇|食|中|无名|小)/.test(m[1]) ? '手指' : /拳/.test(m[1]) ? '拳' : /背|皮/.test(m[1]) ? '手背（皮肤）' : '整只手'
      bump(graspT, part, s.id)
    }
  }
}

// ── (e) body places
const bodyT = tally(); const handPlaceT = tally()
for (const s of SIGNS) {
  for (const line0 of partTexts(s.id)) {
    // other-hand places first; blank them so 左手背 is not counted as 背
    let line = line0
    for (const hp of HAND_PLACES) {
      line = line.replace(new RegExp(hp.re.source, 'g'), m => { bump(handPlaceT, hp.id, s.id); return '＿'.repeat(m.length) })
    }
    // drop orientation words and hand parts that are not body places
    line = line.replace(/掌心|手背|指背|指面|拳心|拳眼|拳面|虎口|手腕|腕部|手掌|指尖|口型|口张|张口|张嘴|嘴闭|面露|面带|面无|眼睛注视|目光|眉微蹙|皱眉|咬|吹|耸肩|挺胸|弯腰|点头|摇头|低头|抬头|仰头|头微|头偏|头歪|头侧|头转|头同时|头左右|头随之|身体随之|身体微|身体稍|身体向|身体前倾|身体后仰|手臂|屈肘|握拳屈肘/g, m => '＿'.repeat(m.length))
    for (const b of BODY) {
      line = line.replace(new RegExp(b.re.source, 'g'), m => { bump(bodyT, b.id, s.id); return '＿'.repeat(m.length) })
    }
  }
}

// ── (g) absolute sides
interface SideHit { sign: number, phrase: string, kind: string, hand: string }
const sideHits: SideHit[] = []
for (const r of results) {
  if (EXPLAIN_RE.test(r.c.text)) continue
  for (const m of r.c.text.matchAll(SIDE_MOVE_RE)) sideHits.push({ sign: r.c.sign, phrase: m[0], kind: sideKind(true, r.c), hand: r.c.hand ?? '?' })
  for (const m of r.c.text.matchAll(SIDE_PLACE_RE)) sideHits.push({ sign: r.c.sign, phrase: m[0], kind: sideKind(false, r.c), hand: r.c.hand ?? '?' })
}
// 先左…再右 on a one-hand sign: both sides named in one part
const sideSeq = new Set<number>()
for (const s of SIGNS) for (const line of NORM.get(s.id)!) if (/一手|双手/.test(line) && /左(?:胸|肩|侧|脸颊)/.test(line) && /右(?:胸|肩|侧|脸颊)/.test(line)) sideSeq.add(s.id)

// ═════════════════════════════════════════════════════════════ outputs

const pct = (a: number, b: number) => (100 * a / b).toFixed(1) + '%'
const siteZh = new Map(SITES.map(s => [s.id, s.zh]))

const shapeRows = sorted(shapeT).map(([k, v]) => {
  const s = shapeByKey.get(k)!; const m = mapping.get(k)!
  const prop = (m.status === 'MISSING' || m.status === 'NEAR') ? PROPOSALS[k] : undefined
  return { key: k, zh: s.zh, segments: v.occ, signs: v.signs.size, hands: shapeHands.get(k), fingers: s.fingers.join(''), thumb: s.thumb, spread: s.spread, extra: s.extra, assumed: s.assumed, match: m, proposal: prop, examples: examples(v.signs) }
})
const changeOnly = sorted(changeT).filter(([k]) => !shapeT.has(k)).map(([k, v]) => ({ key: k, zh: shapeByKey.get(k)!.zh, signs: v.signs.size, match: mapping.get(k), proposal: PROPOSALS[k], examples: examples(v.signs) }))

const featRows = (feats: Feature[], r: { t: Map<string, Tally>, sub: Map<string, Map<string, Tally>> }) => feats.map(f => {
  const v = r.t.get(f.id)
  const sub = r.sub.get(f.id)
  return {
    id: f.id, group: f.group, label: f.label, notation: f.notation ?? '', occurrences: v?.occ ?? 0, signs: v?.signs.size ?? 0,
    examples: v ? examples(v.signs) : [],
    breakdown: sub ? sorted(sub).map(([k, x]) => ({ value: k, signs: x.signs.size, occurrences: x.occ, examples: examples(x.signs) })) : undefined
  }
})

const bodyRows = [...BODY, ...HAND_PLACES].map(b => {
  const v = (b.region === '手' ? handPlaceT : bodyT).get(b.id)
  const inSites = b.site !== undefined && SITES.some(x => x.id === b.site)
  return { id: b.id, zh: b.zh, region: b.region, site: b.site ?? null, siteZh: b.site ? (siteZh.get(b.site) ?? b.site) : null, inSites, occurrences: v?.occ ?? 0, signs: v?.signs.size ?? 0, examples: v ? examples(v.signs) : [] }
}).filter(x => x.signs > 0 || x.region === '下身')

const sideRowsAbs = (() => {
  const t = tally(); const info = new Map<string, string>()
  for (const h of sideHits.filter(x => x.kind !== 'place, hand fixed (i/c)')) { bump(t, h.phrase, h.sign); info.set(h.phrase, h.kind) }
  return sorted(t).map(([k, v]) => ({ phrase: k, kind: info.get(k)!, signs: v.signs.size, examples: examples(v.signs, 5) }))
})()
const sideRelCount = (() => { const s = new Set<number>(); sideHits.filter(x => x.kind === 'place, hand fixed (i/c)').forEach(x => s.add(x.sign)); return s.size })()

const json = {
  generated: new Date().toISOString(),
  source: '《国家通用手语词典》(2019) reference db; counts only — ids + headwords, no description text',
  totals: { signs: SIGNS.length, clauses: results.length, handClauses: handClauses.length, signsWithLostSymbol: LOST_SYMBOL_SIGNS, lostSymbolOccurrences: SIGNS.reduce((n, s) => n + (s.desc.match(/“”/g)?.length ?? 0), 0) },
  handshapes: {
    clauseStatus: statusCount,
    classifiedShare: classified / handClauses.length,
    shapeClauseShare: shapeClauses / handClauses.length,
    subjectClauses: subjClauses.length,
    subjectClausesWithShape: subjWithShape,
    segments: segs.length,
    distinctResolvedShapes: shapeRows.length,
    phraseForms: sorted(formT).map(([k, v]) => ({ form: k, occurrences: v.occ, signs: v.signs.size })),
    phrases: sorted(phraseT).map(([k, v]) => ({ phrase: k, form: phraseInfo.get(k)!.form, shape: phraseInfo.get(k)!.shapeKey, roles: [...phraseInfo.get(k)!.roles], occurrences: v.occ, signs: v.signs.size, examples: examples(v.signs) })),
    shapes: shapeRows,
    changeOnlyShapes: changeOnly,
    unclassified: sorted(unclT).map(([k, v]) => ({ skeleton: k, clauses: v.occ, signs: v.signs.size, examples: examples(v.signs, 2) }))
  },
  twoHand: { constructs: featRows(CONSTRUCTS, cons), dachengFingers: sorted(dachengFingers).map(([k, v]) => ({ fingers: k, signs: v.signs.size, occurrences: v.occ })), grasped: sorted(graspT).map(([k, v]) => ({ part: k, signs: v.signs.size, examples: examples(v.signs) })) },
  nonManual: featRows(NONMANUAL, nm),
  bodyLocations: bodyRows,
  movements: featRows(MOVES, mv),
  absoluteSides: { bodySideMentions: sideRowsAbs, signsWithBothSidesNamed: [...sideSeq].map(id => ({ id, headword: HEAD.get(id) })), handRelativeSignCount: sideRelCount }
}
fs.mkdirSync(OUT_DIR, { recursive: true })
fs.writeFileSync(path.join(OUT_DIR, 'survey.json'), JSON.stringify(json, null, 1))

// ── report.md
const L: string[] = []
const P = (s = '') => L.push(s)
const esc = (s: string) => s.replace(/\|/g, '\\|')
const exList = (ex: Array<{ id: number, headword: string }>) => esc(ex.map(e => `${e.id} ${e.headword}`).join('；'))
const mstr = (m: Match | undefined, prop?: { id: string, zh: string }) => {
  if (!m) return ''
  if (m.status === 'MATCH') return `\`${m.id}\`${m.also?.length ? ` (=${m.also.slice(0, 3).join(',')}${m.also.length > 3 ? '…' : ''})` : ''}`
  if (m.status === 'LETTER') return `\`${m.id}\``
  if (m.status === 'NEAR') return `≈\`${m.id}\`（${m.diff}）${prop ? `；或新增 \`${prop.id}\` ${prop.zh}` : ''}`
  if (m.status === 'MISSING') return `**MISSING** → \`${prop?.id ?? '?'}\` ${prop?.zh ?? '（待定）'}（最近 \`${m.nearest}\`）`
  return `UNRESOLVED（${m.diff}）`
}
const isLetter = (k: string) => /^(?:letter|number):/.test(k)
const missing = shapeRows.filter(r => r.match.status === 'MISSING')
const near = shapeRows.filter(r => r.match.status === 'NEAR')
const matched = shapeRows.filter(r => r.match.status === 'MATCH' || r.match.status === 'LETTER')
const unresolved = shapeRows.filter(r => r.match.status === 'UNRESOLVED')
const sumSigns = (rs: typeof shapeRows) => rs.reduce((n, r) => n + r.segments, 0)

P('# 国家通用手语词典描述调查 — 手语转写第 2 版的需求')
P()
P(`由 \`survey.ts\` 生成（${json.generated.slice(0, 10)}）；所有数字来自脚本，明细在 \`survey.json\`。例子只给国家编号和词目。`)
P(`数据：${SIGNS.length} 条手势，${results.length} 个分句（按 ，；。 切分；整行注释如“此为国外聋人手语”、（或两）之类的短选项已去掉）。`)
P(`${LOST_SYMBOL_SIGNS} 条描述丢了引号里的符号（“”，共 ${json.totals.lostSymbolOccurrences} 处），单独计数（“?”）。“手势数”= 含该项的手势条数；“段”= 一只手（或“双手”）从主语到下一个主语的一段描述。`)
P()
P('## (a) 手形短语')
P()
P(`- 手分句 **${handClauses.length}**（以“双手/左手/右手/一手/左拳…”开头，或含手指组合/手形词的分句）。`)
P(`- 已归类 **${classified}（${pct(classified, handClauses.length)}）**：含手形短语 ${statusCount.shape ?? 0}；主语分句只写位置/动作/朝向 ${statusCount.noshape ?? 0}；手指作动作主体或作部位（“食指向下转动”“缩回食指”）${statusCount['finger-action'] ?? 0}；两手拼形或路径轮廓而无手形（“一横一竖搭成方格形”“折而下移成“”形”）${statusCount.relation ?? 0}。`)
P(`- 未归类 **${statusCount.unclassified ?? 0}（${pct(statusCount.unclassified ?? 0, handClauses.length)}）**：${sorted(unclT).map(([k, v]) => `${k}（${exStr(v.signs, 1)}）`).join('；')} — 多为原文错字或断句（“申食指”“的指式”）。`)
P(`- 主语分句 ${subjClauses.length} 个，${subjWithShape}（${pct(subjWithShape, subjClauses.length)}）直接带手形短语。解析出 ${segs.length} 段起始手形，**${shapeRows.length} 种**规范化手形：MATCH/字母 ${matched.length} 种（${sumSigns(matched)} 段），≈ ${near.length} 种（${sumSigns(near)} 段），**MISSING ${missing.length} 种（${sumSigns(missing)} 段）**，UNRESOLVED ${unresolved.length} 种（${sumSigns(unresolved)} 段，符号缺失或“如执笔状”）。`)
P(`- 抽查：4 批各 40 条随机手势（\`--sample 40 --seed 7 / 11 / 23 / 31\`）逐句核对分句归类和每段手形；前 3 批发现的错误（拇指张开误作伸拇指、食、小指直立未并入、拳作主语重复计段、“口张开”误作手形等）都已改进语法，第 4 批 40 条中只有 1 处（“两指张开成半圆形”）错，已改。余下的误差见文末“注意”。`)
P()
P('### 句式（规则，前 12）')
P()
P('| 句式 | 次数 | 手势数 |')
P('|---|---:|---:|')
for (const [k, v] of sorted(formT).slice(0, 12)) P(`| ${esc(k)} | ${v.occ} | ${v.signs.size} |`)
P()
P(`\`[F]\` 手指组合；\`<朝向>\` 直立/横伸/侧立等；“隐含”= 主语后直接写手指做动作（“一手食指抵于…”），按该指伸出计，弱于明写的手形；“<朝向词>（平掌）”= 只写“横伸/直立”等，即五指并拢的平掌。共 ${formT.size} 种句式、${phraseT.size} 种规范化短语（全表见 json）。`)
P()
P('### 非手形分句举例（已归类但不给手形）')
P()
for (const st of ['finger-action', 'relation'] as const) {
  const t = tally()
  for (const r of results.filter(x => x.status === st)) bump(t, skeleton(r.c.text), r.c.sign)
  P(`- ${st === 'finger-action' ? '手指动作/部位' : '拼形/路径'}（${statusCount[st] ?? 0}）：${sorted(t).slice(0, 8).map(([k, v]) => `${k} ${v.occ}`).join('、')} …`)
}
P()

P('## (b) 规范化起始手形 → `handshapes.ts`')
P()
P('按每指屈伸码、分合、拇指位置与 `handshapes.ts` 逐行比较（不看名字）：MATCH = 有行完全相符（括号里是同配置的其他行）；≈ = 只差软特征（分合、拇指靠/张、弯曲程度、开口大小，且至多两处）；MISSING = 有手指伸/屈不同或拇指接触的手指不同。† = 其余手指文中未写，按插图定（拇、食指相捏 #1774 #15 握起；拇、中指相捏 #799 #1832 伸出；拇、小指相捏 #2759 握起）。')
P()
P('| 规范化手形 | 手势数 | 段 | 现有 id / 建议 | 例 |')
P('|---|---:|---:|---|---|')
const tableRows = shapeRows.filter(r => !isLetter(r.key) && r.signs >= 5)
for (const r of tableRows) P(`| ${esc(r.zh)}${r.assumed ? '†' : ''} | ${r.signs} | ${r.segments} | ${esc(mstr(r.match, r.proposal))} | ${exList(r.examples)} |`)
P()
const letterRows = shapeRows.filter(r => isLetter(r.key))
P(`**字母/数字指式**（“打手指字母“X”的指式”，${letterRows.reduce((n, r) => n + r.segments, 0)} 段，全部映射到同名行，缺符号的记 ?）：${letterRows.map(r => `${r.zh.replace(/^字母/, '')} ${r.signs}`).join('、')}。`)
P()
const rare = shapeRows.filter(r => !isLetter(r.key) && r.signs < 5)
P(`**少见手形**（1–4 条手势，${rare.length} 种）：${rare.map(r => `${r.zh} ${r.signs}（${r.match.status === 'MISSING' ? 'MISSING→' + (r.proposal?.id ?? '?') : r.match.status === 'NEAR' ? '≈' + r.match.id : r.match.status === 'UNRESOLVED' ? '?' : r.match.id}；${r.examples[0].id}）`).join('、')}。`)
P()
if (changeOnly.length) {
  P(`**只作为“变为”目标出现的手形**：${changeOnly.map(r => `${r.zh} ${r.signs}（${r.match?.status === 'MISSING' ? 'MISSING→' + (r.proposal?.id ?? '?') : r.match?.id ?? r.match?.status}）`).join('、')}。手形变化（“然后撮合”“边…边握拳”）共 ${sorted(changeT).reduce((n, [, v]) => n + v.occ, 0)} 次，见 (f)。`)
  P()
}
P('### 建议新增的手形行（按段数）')
P()
P('| 建议 id | 中文名 | 手指配置（本项目自述） | 段 | 来自 |')
P('|---|---|---|---:|---|')
{
  const byId = new Map<string, { zh: string, desc: string, n: number, shapes: string[] }>()
  for (const r of [...missing, ...near.filter(x => x.proposal)]) {
    const p = r.proposal ?? { id: '?', zh: '（待定）', desc: '' }
    const e = byId.get(p.id) ?? { zh: p.zh, desc: p.desc, n: 0, shapes: [] }
    if (e.desc.startsWith('同上') && !p.desc.startsWith('同上')) e.desc = p.desc
    e.n += r.segments; e.shapes.push(r.zh + (r.match.status === 'NEAR' ? '（≈' + r.match.id + '）' : '')); byId.set(p.id, e)
  }
  for (const [id, e] of [...byId.entries()].sort((a, b) => b[1].n - a[1].n)) P(`| \`${id}\` | ${e.zh} | ${esc(e.desc)} | ${e.n} | ${esc(e.shapes.join('、'))} |`)
}
P()
P('### 符号缺失的“成“”形”（UNRESOLVED，须看插图）')
P()
{
  const lost = shapeRows.filter(r => /“\?”/.test(r.key))
  const seen = (k: string) => /TIMRP:成/.test(k) ? '五指并拢、拇指与四指相对成“匚”形（≈`beak`/`C`）#157 #205 #76' : /TI:成/.test(k) ? '拇、食指伸直成直角（≈`thumb_index`/`L`）#400' : /TI:仿/.test(k) ? '两手拇、食指拼成心形 #56（两手拼形）' : '未抽查'
  P('| 短语 | 手势数 | 插图所见（抽查） | 例 |')
  P('|---|---:|---|---|')
  for (const r of lost.filter(x => x.signs >= 3)) P(`| ${esc(r.zh)} | ${r.signs} | ${seen(r.key)} | ${exList(r.examples)} |`)
  const dl = cons.sub.get('dacheng')?.get('“?”')
  P()
  P(`另有“搭成“”形”${dl?.signs.size ?? 0} 条、书空/划“”形的路径（见 (f)）。按手形计的 UNRESOLVED 段共 ${sumSigns(lost)}。`)
}
P()
const featTable = (rows: ReturnType<typeof featRows>) => {
  P('| 组 | 项 | 手势数 | 次数 | 转写 v1 | 例 |')
  P('|---|---|---:|---:|---|---|')
  for (const r of rows.filter(x => x.signs > 0)) P(`| ${r.group} | ${esc(r.label)} | ${r.signs} | ${r.occurrences} | ${esc(r.notation)} | ${exList(r.examples)} |`)
  const zero = rows.filter(x => x.signs === 0)
  if (zero.length) { P(); P(`未出现：${zero.map(r => r.label).join('、')}。`) }
  P()
}
const consRows = featRows(CONSTRUCTS, cons)
P('## (c) 两手接触与关系')
P()
P('只计描述性分句（“表示…”“如…状”等解释句不计）。“转写 v1”= 现行记法能否表达。')
P()
featTable(consRows)
{
  const d = consRows.find(r => r.id === 'dacheng')!
  P(`**“搭成”的图形**（${d.signs} 条）：${(d.breakdown ?? []).map(b => `${b.value} ${b.signs}（${b.examples[0].id} ${b.examples[0].headword}）`).join('、')}。`)
  P()
  P(`搭成所用手指：${sorted(dachengFingers).map(([k, v]) => `${k} ${v.signs.size}`).join('，')}。`)
  const f = consRows.find(r => r.id === 'fang_zi')!
  P()
  P(`**“仿“X”字形”**（${f.signs} 条）：${(f.breakdown ?? []).slice(0, 30).map(b => `${b.value}${b.signs}`).join(' ')}${(f.breakdown?.length ?? 0) > 30 ? ' …' : ''}。`)
  P()
  P(`**一手握/抓/捏住另一手**的部位：${sorted(graspT).map(([k, v]) => `${k} ${v.signs.size}（${exStr(v.signs, 2)}）`).join('；')}。`)
  P()
}
const nmRows = featRows(NONMANUAL, nm)
P('## (d) 非手控特征')
P()
featTable(nmRows)
{
  const e = nmRows.find(r => r.id === 'expr_mianlu')!
  P(`**“面露…的表情”的表情名**（${e.breakdown?.length ?? 0} 种；现有 expr 只有 疑问/高兴/难过/惊讶/生气/否定）：${(e.breakdown ?? []).filter(b => b.signs >= 2).map(b => `${b.value} ${b.signs}`).join('、')}；另 ${(e.breakdown ?? []).filter(b => b.signs < 2).length} 种各 1 条。`)
  P()
  const d2 = nmRows.find(r => r.id === 'expr_miandai')!
  P(`“面带…”：${(d2.breakdown ?? []).map(b => `${b.value} ${b.signs}`).join('、')}。`)
  P()
}
P('## (e) 身体部位')
P()
P('“sites.ts”列为现有 site id（按中文名和位置对应）；**不在表中** = 须新增。另一只手上的部位对应 `H.*`。解释句不计。')
P()
P('下身部位的词目（腿②、小腿、膝盖、脚①）多用另一只手作替身（食、中指当两腿，指其指节），不指身体；直接指身体下部的只有下表几条。')
P()
P('| 区域 | 部位 | 手势数 | 次数 | sites.ts | 例 |')
P('|---|---|---:|---:|---|---|')
for (const r of bodyRows.sort((a, b) => (a.region === '下身' ? 0 : 1) - (b.region === '下身' ? 0 : 1) || b.signs - a.signs)) {
  P(`| ${r.region} | ${esc(r.zh)} | ${r.signs} | ${r.occurrences} | ${r.inSites ? '`' + r.site + '`' : '**不在表中**'} | ${exList(r.examples)} |`)
}
P()
P('## (f) 动作词汇')
P()
featTable(featRows(MOVES, mv))
P('## (g) 绝对方向（左/右指身体一侧，不是左手/右手）')
P()
P(`左/右+身体部位出现在“右手/左手”分句里的有 ${sideRelCount} 条手势（如右手拍左肩），可写 \`i\`/\`c\`，不列出；“左臂/左肘”等永远是非主手的臂，也不列。下面是手不固定（“一手/双手”分句）的身体侧和头/身体/目光的转向。书中“一手”画的是右手，所以其中多数仍可写成 i/c；真正与惯用手无关的是：心脏一侧、服饰的方向（斜挎带、衣襟）、头/目光转向左或右，以及先左后右的顺序。`)
P()
P('| 短语 | 类型 | 手势数 | 例 |')
P('|---|---|---:|---|')
for (const r of sideRowsAbs) P(`| ${esc(r.phrase)} | ${r.kind === 'head/body/gaze direction' ? '头/身体/目光转向' : '身体侧（一手/双手）'} | ${r.signs} | ${exList(r.examples)} |`)
P()
P(`同一部分里先后点到左、右两侧的一手/双手手势：${[...sideSeq].map(id => `${id} ${HEAD.get(id)}`).join('；') || '无'}。`)
P()
P('## 注意')
P()
P('- 计数单位：手形按“段”计（“双手”一段算一次；同一只手在同一部分里再被提到而不写新手形时不另计）。“手势数”按条计，一条手势的几个部分各算一次出现、只算一条手势。')
P('- “隐含”手形（主语后直接写手指做动作）只对单指和食、中指采用；“拇、食指在鼻孔前捻动”之类不给手形。')
P('- 手形变化的识别靠“然后/边/再/变为”等连接词和“手已移动过”两条规则；“或…”给出的替代手形按另一段计。')
P('- 身体部位、两手构造、非手控特征和动作按词匹配，避开了朝向词（掌心向…）和解释句（表示…、如…状），仍是词频而非逐句判断；每项可用 `--construct ID` 列出命中处核对。')
P('- “伸食、中指”等不写分合的，按分合未定匹配（表中括号列出分开/并拢两种候选）；“五指弯曲”按爪形、“五指微曲”按杯形理解，未逐条看图。')
fs.writeFileSync(path.join(OUT_DIR, 'report.md'), L.join('\n') + '\n')

console.log(`hand clauses ${handClauses.length}; classified ${pct(classified, handClauses.length)}; status ${JSON.stringify(statusCount)}`)
console.log(`segments ${segs.length}; distinct shapes ${shapeRows.length}; MISSING ${missing.length}; NEAR ${near.length}; report ${L.length} lines`)
