/**
 * search.* figures (docs/search.md): our search side by side with Fuse.js, same data, same
 * labelled queries, one run. Timing simulates typing: every prefix of every labelled query is
 * one search, as the 词典 page runs one per keystroke.
 *
 * Reads src/data/compiled/dictionary.json (or the file in SEARCH_BENCH_DICT).
 */
import { readFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { join } from 'node:path'
import Fuse from 'fuse.js'
import { pinyin } from 'pinyin-pro'
import { toHeader, type EntryHeader } from '../../src/core/sign/header'
import { createSearchIndex, search, warmSearchIndex, type SearchExtras } from '../../src/core/search'
import { buildSearchExtras } from '../data/search-extras'
import { DICTIONARY_JSON, loadDictionary } from '../cli/search'
import type { Bench } from './types'

const ROOT = join(__dirname, '..', '..')
const LABELLED = join(ROOT, 'test/unit/search/labelled.json')
const JIEBA = join(ROOT, 'node_modules/@node-rs/jieba/dict.txt')
const SYNTHETIC_TOTAL = 10_000
const LIMIT = 20
/** Rounds over all keystroke queries for our search (it is fast; more rounds, steadier p95). */
const OUR_ROUNDS = 5

export interface Labelled { q: string; expect: string; kind: string }

export function loadLabelled (): Labelled[] {
  return (JSON.parse(readFileSync(LABELLED, 'utf8')) as { queries: Labelled[] }).queries
}

/** Every prefix of every query, by characters: what the page searches while the user types. */
export function keystrokes (queries: string[]): string[] {
  const out: string[] = []
  for (const q of queries) {
    const cps = Array.from(q)
    for (let k = 1; k <= cps.length; k++) out.push(cps.slice(0, k).join(''))
  }
  return out
}

/**
 * The real headers plus synthetic ones from jieba's most frequent 2–4 character words (not
 * already in the dictionary), pinyin by pinyin-pro as the data compiler does. Deterministic.
 */
export function syntheticHeaders (real: EntryHeader[], total: number): EntryHeader[] {
  const have = new Set(real.map(h => h.word))
  const rows: Array<[string, number]> = []
  for (const line of readFileSync(JIEBA, 'utf8').split('\n')) {
    const [w, f] = line.split(' ')
    if (!w || have.has(w) || !/^[\u4e00-\u9fff]{2,4}$/.test(w)) continue
    rows.push([w, Number(f) || 0])
  }
  rows.sort((a, b) => (b[1] - a[1]) || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
  const out = real.slice()
  for (let i = 0; out.length < total && i < rows.length; i++) {
    const [word, freq] = rows[i]
    const tones = pinyin(word, { type: 'array' })
    const plain = pinyin(word, { type: 'array', toneType: 'none', v: true }).map(s => s.toLowerCase())
    out.push({
      id: `syn${i}`, word, shares: [], pinyin: tones.join(' '), pinyinPlain: plain.join(' '),
      initials: plain.map(s => s[0]).join(''), category: 'synthetic', type: 'lexical', freq,
      handshape: 'A', site: 'neutral', status: 'transcribed'
    })
  }
  return out
}

function p95 (xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor(s.length * 0.95))]
}
function mean (xs: number[]): number { return xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length) }
function round (x: number, d = 4): number { const m = 10 ** d; return Math.round(x * m) / m }

/** Builds measured: the median is reported (the machine is shared; one build is noisy). */
const BUILDS = 5

function timeOurs (headers: EntryHeader[], extras: SearchExtras, qs: string[]): { times: number[]; indexMs: number; indexCpuMs: number; warmMs: number } {
  const builds: number[] = []
  const cpuTimes: number[] = []
  const warms: number[] = []
  let index = createSearchIndex(headers, extras)
  for (let b = 0; b < BUILDS; b++) {
    const t0 = performance.now()
    const c0 = process.cpuUsage()
    index = createSearchIndex(headers, extras)
    const c1 = process.cpuUsage(c0)
    cpuTimes.push((c1.user + c1.system) / 1000)
    const t1 = performance.now()
    warmSearchIndex(index)
    builds.push(t1 - t0)
    warms.push(performance.now() - t1)
  }
  const median = (xs: number[]): number => xs.slice().sort((a, b) => a - b)[xs.length >> 1]
  const indexMs = median(builds)
  const indexCpuMs = median(cpuTimes)
  const warmMs = median(warms)
  for (const q of qs) search(index, q, { limit: LIMIT }) // warm-up (JIT)
  const times: number[] = []
  for (let r = 0; r < OUR_ROUNDS; r++) {
    for (const q of qs) {
      const a = performance.now()
      search(index, q, { limit: LIMIT })
      times.push(performance.now() - a)
    }
  }
  return { times, indexMs, indexCpuMs, warmMs }
}

function makeFuse (headers: EntryHeader[]): Fuse<EntryHeader> {
  // Fair configuration: the same fields we search (word, shares, pinyin, initials).
  return new Fuse(headers, { keys: ['word', 'shares', 'pinyinPlain', 'initials'], threshold: 0.3 })
}

function timeFuse (fuse: Fuse<EntryHeader>, qs: string[]): number[] {
  for (const q of qs.slice(0, 20)) fuse.search(q, { limit: LIMIT })
  const times: number[] = []
  for (const q of qs) {
    const a = performance.now()
    fuse.search(q, { limit: LIMIT })
    times.push(performance.now() - a)
  }
  return times
}

const bench: Bench = {
  name: 'search',
  async run (log) {
    const path = process.env.SEARCH_BENCH_DICT ?? DICTIONARY_JSON
    const dict = loadDictionary(path)
    if (typeof dict === 'string') throw new Error(dict)
    const labelled = loadLabelled()
    const headers = dict.entries.map(toHeader)
    const extras = buildSearchExtras(dict)
    const qs = keystrokes(labelled.map(l => l.q))
    log(`load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores (timings are wall clock; index_cpu_ms is CPU time)`)
    log(`${headers.length} entries, ${labelled.length} labelled queries, ${qs.length} keystroke queries`)

    // Accuracy on the labelled set.
    const index = createSearchIndex(headers, extras)
    const fuse = makeFuse(headers)
    let ours = 0
    let theirs = 0
    for (const l of labelled) {
      if (search(index, l.q, { limit: LIMIT }).hits[0]?.word === l.expect) ours++
      if (fuse.search(l.q, { limit: LIMIT })[0]?.item.word === l.expect) theirs++
    }

    const real = timeOurs(headers, extras, qs)
    const fuseTimes = timeFuse(fuse, qs)
    log(`real: ours p95 ${p95(real.times).toFixed(4)} ms mean ${mean(real.times).toFixed(4)} ms; fuse p95 ${p95(fuseTimes).toFixed(3)} ms mean ${mean(fuseTimes).toFixed(3)} ms`)

    const big = syntheticHeaders(headers, SYNTHETIC_TOTAL)
    const k10 = timeOurs(big, extras, qs)
    // Hostile input at 10k entries: the slowest of a few rounds' medians.
    const bigIndex = createSearchIndex(big, extras)
    warmSearchIndex(bigIndex)
    const hostile: unknown[] = ['', ' '.repeat(1000), '😀'.repeat(500), 'a'.repeat(1000), '学'.repeat(1000), 'xue'.repeat(400),
      '学习xuexi學習ＸＵＥ😀'.repeat(50), 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzz', 'qwrtpsdfghjklzxcvbnm', null, 12345, { toString: () => 'x' }]
    let hostileMax = 0
    for (const h of hostile) {
      const t: number[] = []
      for (let r = 0; r < 7; r++) { const a = performance.now(); search(bigIndex, h, { limit: LIMIT }); t.push(performance.now() - a) }
      hostileMax = Math.max(hostileMax, t.sort((a, b) => a - b)[3])
    }
    const fuse10Times = timeFuse(makeFuse(big), qs)
    log(`10k (${big.length}): ours p95 ${p95(k10.times).toFixed(4)} ms max ${Math.max(...k10.times).toFixed(3)} ms, index ${k10.indexMs.toFixed(1)} ms + lazy ${k10.warmMs.toFixed(1)} ms; fuse p95 ${p95(fuse10Times).toFixed(3)} ms`)

    const shipped = Buffer.byteLength(JSON.stringify(headers)) + Buffer.byteLength(JSON.stringify(extras))
    log(`extras: ${Object.keys(extras.t2s).length} traditional chars, ${Object.keys(extras.t2sWords).length} words, ${Object.keys(extras.sharePinyin).length} share pinyin (${(Buffer.byteLength(JSON.stringify(extras)) / 1024).toFixed(1)} KB)`)
    return {
      'search.p95_ms': round(p95(real.times)),
      'search.p95_ms_10k': round(p95(k10.times)),
      'search.hostile_max_ms_10k': round(hostileMax),
      'search.index_ms': round(real.indexMs, 2),
      'search.index_ms_10k': round(k10.indexMs, 2),
      'search.index_cpu_ms': round(real.indexCpuMs, 2),
      'search.index_cpu_ms_10k': round(k10.indexCpuMs, 2),
      'search.warm_ms': round(real.warmMs, 2),
      'search.warm_ms_10k': round(k10.warmMs, 2),
      'search.index_kb': round(shipped / 1024, 1),
      'search.top1': round(ours / labelled.length, 3),
      'search.fuse_top1': round(theirs / labelled.length, 3),
      'search.fuse_ratio': round(mean(fuseTimes) / mean(real.times), 1),
      'search.fuse_ratio_10k': round(mean(fuse10Times) / mean(k10.times), 1)
    }
  }
}
export default bench
