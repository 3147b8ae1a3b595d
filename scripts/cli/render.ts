/**
 * render <word|id|letter> --out file.png [--frames 6] [--angle front|45|side] [--mirror] [--close] [--trail]
 * render --sheet <word…> --out sheet.png [--angle …] [--mirror]
 * render --handshapes --out chart.png [--angle …]
 * Renders a labelled strip of avatar frames (with the movement trail), a review sheet (per word the
 * start, the key frame with its movement path and the end, labelled), or the handshape chart, with
 * @napi-rs/canvas. Without --angle a sign opens in its preferred view (45° for movement in depth),
 * as in the app.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { type CliCommand, UsageError } from './types'
import type { Dictionary, DictEntry } from '../../src/core/sign/dictionary'
import { resolveEntrySigns } from '../../src/core/sign/resolve'
import { HANDSHAPES, getHandshape } from '../../src/core/sign/handshapes'
import { LETTER_IDS } from '../../src/core/sign/handshape-forms'
import { type CameraView, type Timeline, type TimelineItem, compileTimeline, computeTrail, handshapeSign, viewAdvice } from '../../src/core/avatar'
import { type SheetRow, renderGrid, renderSheet, renderStrip, savePng } from '../lib/node-canvas'

const DICT_PATH = join(__dirname, '..', '..', 'src', 'data', 'compiled', 'dictionary.json')
const VIEWS: CameraView[] = ['front', '45', 'side']

function loadDictionary (): Dictionary | null {
  if (!existsSync(DICT_PATH)) return null
  return JSON.parse(readFileSync(DICT_PATH, 'utf8')) as Dictionary
}

/**
 * A handshape / letter as a timeline item (a letter's own movement included), labelled with its
 * Chinese name (the app's letterItem labels it with the letter instead).
 */
export function handshapeItem (id: string): TimelineItem | null {
  const def = getHandshape(id)
  if (!def) return null
  return { sign: handshapeSign(id, def.letterMoves ? def.letterMoves.slice() : []), label: def.zh, steps: 1 }
}

/** Items of a dictionary entry, exactly as the app plays them (src/core/sign/resolve.ts). */
export function entryItems (dict: Dictionary, e: DictEntry): { items: TimelineItem[] } | { error: string } {
  const byId = new Map(dict.entries.map(x => [x.id, x]))
  const r = resolveEntrySigns(e.id, id => byId.get(id))
  if (!r.ok) return { error: r.message }
  return { items: r.items.map(x => ({ sign: x.sign, label: x.label, steps: x.steps })) }
}

function framesFor (tl: Timeline, n: number): Array<{ t: number; caption: string }> {
  // Sample the signing part (skip the still rest at both ends).
  const t0 = tl.phases[0]?.t1 ? Math.max(0, tl.phases[0].t1 - 0.15) : 0
  const last = tl.phases[tl.phases.length - 1]
  const t1 = last ? Math.max(t0, last.t0 + Math.min(0.25, (last.t1 - last.t0) / 2)) : tl.duration
  const out: Array<{ t: number; caption: string }> = []
  for (let i = 0; i < n; i++) {
    const t = n === 1 ? (t0 + t1) / 2 : t0 + ((t1 - t0) * i) / (n - 1)
    const ph = [...tl.phases].reverse().find(p => t >= p.t0) ?? tl.phases[0]
    out.push({ t, caption: `${t.toFixed(2)}s ${ph ? ph.label : ''}` })
  }
  return out
}

/** Where the three frames of a review sheet are: the start posture, mid-movement, the end posture. */
export function sheetTimes (tl: Timeline): { start: number; key: number; end: number } {
  const ph = tl.phases
  const firstStart = ph.find(p => p.phase === 'start')
  const moves = ph.filter(p => p.phase === 'move')
  const lastEnd = [...ph].reverse().find(p => p.phase === 'end')
  const start = firstStart ? Math.max(0, firstStart.t1 - 0.05) : 0
  const end = lastEnd ? lastEnd.t0 + Math.min(0.2, (lastEnd.t1 - lastEnd.t0) / 2) : tl.duration
  const key = moves.length > 0 ? (moves[0].t0 + moves[moves.length - 1].t1) / 2 : (start + end) / 2
  return { start, key, end }
}

/** A dictionary entry by id, word or shared word. */
function findEntry (dict: Dictionary | null, query: string): DictEntry | undefined {
  return dict?.entries.find(e => e.id === query) ?? dict?.entries.find(e => e.word === query || e.shares.includes(query))
}

const render: CliCommand = {
  name: 'render',
  summary: '把词条、字母或手形渲染成带标注的 PNG 帧条（--trail 画出动作轨迹；--sheet 多个词的审校总表；--handshapes 手形总表）',
  usage: 'render <词|id|字母> --out file.png [--frames 6] [--angle front|45|side] [--mirror] [--close] [--trail] | render --sheet <词…> --out sheet.png [--angle …] [--mirror] | render --handshapes --out chart.png',
  flags: ['out=', 'frames=', 'angle=', 'mirror', 'close', 'handshapes', 'trail', 'sheet'],
  async run ({ positional, flags, out, err }) {
    const file = flags.out
    if (typeof file !== 'string' || file === '') throw new UsageError('缺少 --out 输出文件')
    const chosen = typeof flags.angle === 'string' ? flags.angle as CameraView : null
    if (flags.angle !== undefined && (chosen === null || !VIEWS.includes(chosen))) throw new UsageError(`--angle 只能是 front、45 或 side，收到: ${String(flags.angle)}`)
    const mirror = flags.mirror === true
    if (flags.handshapes === true) {
      const cells = HANDSHAPES.map(h => {
        const item = handshapeItem(h.id)!
        const tl = compileTimeline([item])
        return { tl, t: Math.max(0, tl.phases[0].t1 - 0.05), title: h.id, subtitle: h.zh }
      })
      const c = renderGrid(cells, 10, { view: chosen ?? 'front', mirror })
      await savePng(c, file)
      out(`已写入 ${file}（${cells.length} 个手形）`)
      return 0
    }
    const dict = loadDictionary()
    /** A word, id or letter as items and a title, or a Chinese reason it cannot be rendered. */
    const resolve = (query: string): { items: TimelineItem[]; title: string; word: string } | { error: string } => {
      const entry = findEntry(dict, query)
      if (dict && entry) {
        const r = entryItems(dict, entry)
        if ('error' in r) return { error: `词条 ${entry.id} 的转写有误：\n${r.error}` }
        return { items: r.items, title: `${entry.word}（${entry.id}）`, word: entry.word }
      }
      const id = getHandshape(query) ? query : LETTER_IDS.includes(query.toUpperCase()) ? query.toUpperCase() : null
      const item = id ? handshapeItem(id) : null
      if (item) return { items: [item], title: `${item.label}（${id}）`, word: item.label }
      return { error: dict ? `没有找到“${query}”：既不是词条、id，也不是手形或字母` : `没有找到“${query}”：词典尚未编译（npm run data），且它不是手形或字母` }
    }
    if (flags.sheet === true) {
      if (positional.length === 0) throw new UsageError('--sheet 后面要写至少一个词')
      if (positional.length > 40) throw new UsageError('--sheet 一次最多 40 个词')
      const rows: SheetRow[] = []
      for (const q of positional) {
        const r = resolve(q)
        if ('error' in r) { err(r.error); return 1 }
        const tl = compileTimeline(r.items)
        const view = chosen ?? viewAdvice(r.items).view
        const at = sheetTimes(tl)
        rows.push({
          title: r.word,
          subtitle: `${r.title.slice(r.word.length)} · ${view === '45' ? '45°' : view === 'side' ? '侧面' : '正面'}`,
          tl,
          trail: computeTrail(tl),
          view,
          frames: [
            { t: at.start, caption: '起始', trail: false },
            { t: at.key, caption: '动作 · 轨迹', trail: true },
            { t: at.end, caption: '结束', trail: false }
          ]
        })
      }
      await savePng(renderSheet(rows, { mirror }), file)
      out(`已写入 ${file}（${rows.length} 个词，每个词 3 帧：起始、动作轨迹、结束）`)
      return 0
    }
    const query = positional[0]
    if (!query) throw new UsageError('缺少要渲染的词、id 或字母')
    const nFrames = flags.frames === undefined ? 6 : Number(flags.frames)
    if (!Number.isInteger(nFrames) || nFrames < 1 || nFrames > 24) throw new UsageError('--frames 必须是 1 到 24 之间的整数')
    const r = resolve(query)
    if ('error' in r) { err(r.error); return 1 }
    const tl = compileTimeline(r.items)
    const angle = chosen ?? viewAdvice(r.items).view
    const frames = framesFor(tl, nFrames)
    // The framing follows the hands as in the player; the dots are drawn with --trail.
    const frame = computeTrail(tl)
    const trail = flags.trail === true ? frame : null
    const c = renderStrip(tl, `${r.title} · ${angle}${mirror ? ' · 镜像' : ''}${trail ? ' · 轨迹' : ''}`, frames, { view: angle, mirror, closeUp: flags.close === true, trail, frame })
    await savePng(c, file)
    out(`已写入 ${file}（${frames.length} 帧，时长 ${tl.duration.toFixed(2)} 秒）`)
    return 0
  }
}
export default render
