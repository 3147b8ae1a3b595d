/**
 * render <word|id|letter> --out file.png [--frames 6] [--angle front|45|side] [--mirror] [--close]
 * render --handshapes --out chart.png [--angle …]
 * Renders a labelled strip of avatar frames (or the handshape chart) with @napi-rs/canvas.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { type CliCommand, UsageError } from './types'
import type { Dictionary, DictEntry } from '../../src/core/sign/dictionary'
import { resolveEntrySigns } from '../../src/core/sign/resolve'
import { parseMovements } from '../../src/core/sign/parse'
import { HANDSHAPES, LETTER_IDS, getHandshape } from '../../src/core/sign/handshapes'
import { type CameraView, type Timeline, type TimelineItem, compileTimeline, handshapeSign } from '../../src/core/avatar'
import { renderGrid, renderStrip, savePng } from '../lib/node-canvas'

const DICT_PATH = join(__dirname, '..', '..', 'src', 'data', 'compiled', 'dictionary.json')
const VIEWS: CameraView[] = ['front', '45', 'side']

function loadDictionary (): Dictionary | null {
  if (!existsSync(DICT_PATH)) return null
  return JSON.parse(readFileSync(DICT_PATH, 'utf8')) as Dictionary
}

/**
 * A handshape / letter as a timeline item (a letter's own movement included). The parser stays out
 * of the engine bundle, so this helper lives with its callers (CLI; the app's fingerspelling does
 * the same: handshapeSign(id, parseMovements(def.letterMove).moves)).
 */
export function handshapeItem (id: string): TimelineItem | null {
  const def = getHandshape(id)
  if (!def) return null
  let moves: ReturnType<typeof handshapeSign>['dom']['moves'] = []
  if (def.letterMove) {
    const r = parseMovements(def.letterMove, 'letterMove', { entryId: id })
    if (r.ok) moves = r.moves
  }
  return { sign: handshapeSign(id, moves), label: def.zh, steps: 1 }
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

const render: CliCommand = {
  name: 'render',
  summary: '把一个词条、字母或手形渲染成带标注的 PNG 帧条（--handshapes 渲染手形总表）',
  usage: 'render <词|id|字母> --out file.png [--frames 6] [--angle front|45|side] [--mirror] [--close] | render --handshapes --out chart.png',
  flags: ['out=', 'frames=', 'angle=', 'mirror', 'close', 'handshapes'],
  async run ({ positional, flags, out, err }) {
    const file = flags.out
    if (typeof file !== 'string' || file === '') throw new UsageError('缺少 --out 输出文件')
    const angle = (typeof flags.angle === 'string' ? flags.angle : 'front') as CameraView
    if (!VIEWS.includes(angle)) throw new UsageError(`--angle 只能是 front、45 或 side，收到: ${String(flags.angle)}`)
    const mirror = flags.mirror === true
    if (flags.handshapes === true) {
      const cells = HANDSHAPES.map(h => {
        const item = handshapeItem(h.id)!
        const tl = compileTimeline([item])
        return { tl, t: Math.max(0, tl.phases[0].t1 - 0.05), title: h.id, subtitle: h.zh }
      })
      const c = renderGrid(cells, 10, { view: angle, mirror })
      await savePng(c, file)
      out(`已写入 ${file}（${cells.length} 个手形）`)
      return 0
    }
    const query = positional[0]
    if (!query) throw new UsageError('缺少要渲染的词、id 或字母')
    const nFrames = flags.frames === undefined ? 6 : Number(flags.frames)
    if (!Number.isInteger(nFrames) || nFrames < 1 || nFrames > 24) throw new UsageError('--frames 必须是 1 到 24 之间的整数')
    let items: TimelineItem[] | null = null
    let title = query
    const dict = loadDictionary()
    const entry = dict?.entries.find(e => e.id === query) ?? dict?.entries.find(e => e.word === query || e.shares.includes(query))
    if (dict && entry) {
      const r = entryItems(dict, entry)
      if ('error' in r) { err(`词条 ${entry.id} 的转写有误：\n${r.error}`); return 1 }
      items = r.items
      title = `${entry.word}（${entry.id}）`
    } else {
      const id = getHandshape(query) ? query : LETTER_IDS.includes(query.toUpperCase()) ? query.toUpperCase() : null
      const item = id ? handshapeItem(id) : null
      if (item) { items = [item]; title = `${item.label}（${id}）` }
    }
    if (!items) {
      err(dict ? `没有找到“${query}”：既不是词条、id，也不是手形或字母` : `没有找到“${query}”：词典尚未编译（npm run data），且它不是手形或字母`)
      return 1
    }
    const tl = compileTimeline(items)
    const frames = framesFor(tl, nFrames)
    const c = renderStrip(tl, `${title} · ${angle}${mirror ? ' · 镜像' : ''}`, frames, { view: angle, mirror, closeUp: flags.close === true })
    await savePng(c, file)
    out(`已写入 ${file}（${frames.length} 帧，时长 ${tl.duration.toFixed(2)} 秒）`)
    return 0
  }
}
export default render
