/**
 * sheet — review sheets: per sign, the national illustration beside our avatar (start, key and
 * end frame, the hands' path drawn on the key frame as the book draws its arrows), labelled with
 * the word, the national id and our notation. One PNG per `--per` signs (default 6, two columns),
 * sized so a reviewer — a person or an AI with an image viewer — can judge every sign on it.
 *
 *   npx tsx scripts/transcribe/sheet.ts --batch verbs-01 --out /tmp/sheets      the batch's entries (as in the sources)
 *   npx tsx scripts/transcribe/sheet.ts --ids zai,you,shi --out /tmp/sheets
 *   npx tsx scripts/transcribe/sheet.ts --nat 6179,6043 --out /tmp/sheets        entries with that nat: (or mapped to it)
 *   npx tsx scripts/transcribe/sheet.ts --file /tmp/d/top-60.signs --out /tmp/s  the entries of a draft file (not yet in the sources)
 *   … --per 6 --cols 2 --images GITDIR
 *
 * The illustrations come from a local git copy of github:smitht06/chinese-sign-language-dictionary
 * (GITDIR, default /work/.mirror/…/repo or $SHOUYU_NATIONAL_IMAGES): they are read at run time
 * and written only into the sheets, which stay outside the repo (shared/reference/README.md,
 * Terms) — never commit a sheet.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { type Canvas, type SKRSContext2D, GlobalFonts, createCanvas, loadImage } from '@napi-rs/canvas'
import { compileDictionary, loadSources, type Sources } from '../data/compile'
import { entryItems } from '../cli/render'
import { drawFrame, ensureFonts, LABEL_FONT, savePng } from '../lib/node-canvas'
import { type Timeline, type Trail, aimFull, compileTimeline, computeTrail, createCamera, createPose, handPartWorld, project, samplePose, setCamera } from '../../src/core/avatar'
import type { DictEntry, Dictionary } from '../../src/core/sign/dictionary'
import { parseSignsFile } from '../../src/core/sign/entry'
import { DEFAULT_IMAGE_GIT_DIR, loadNational, MissingReferenceError, type NatSign, type NationalDictionary } from '../reference/db'
import { loadEntries, readManifest } from './lib'

const MONO_FONT_FILE = '/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf'
const MONO = 'DejaVu Sans Mono'

/**
 * Cell layout (px): illustration 400×277 as published; three frames beside it, framed as the
 * player frames the sign (SignPlayer's canvas, height 1.05 × width, camera.ts FULL_VIEW_M: from
 * the waist to above the head), so the reviewer judges what the learner sees. At 210 px wide and
 * zoom 1.35 the frames showed only y 1.06–1.79 m: a hand at the waist, the belly or neutral_low
 * (中国's end, 号码's base) fell below the frame while the player shows it (issue 12 review 2).
 */
const L = {
  pad: 10,
  titleH: 30,
  illW: 400,
  illH: 277,
  frameW: 264,
  frameH: 277,
  textLine: 17,
  textLines: 4,
  zoom: 1
}
/** The camera of a sheet frame (front view). */
export const SHEET_FRAME = { view: 'front', mirror: false, closeUp: false, width: L.frameW, height: L.frameH, zoom: L.zoom } as const
const CELL_W = L.illW + 3 * L.frameW + 4 * 6
const CELL_H = L.titleH + L.illH + L.textLine * L.textLines + 8

export interface SheetItem {
  entry: DictEntry | null
  /** The entry as written (notation lines, needs) — shown under the frames. */
  lines: string[]
  nat: NatSign | null
  title: string
  error?: string
}

/** Start, key and end frame times: end of the first start phase, middle of the movement, start of the end phase. */
export function keyTimes (tl: Timeline): [number, number, number] {
  const starts = tl.phases.filter(p => p.phase === 'start')
  const moves = tl.phases.filter(p => p.phase === 'move')
  const ends = tl.phases.filter(p => p.phase === 'end')
  const t0 = starts.length ? Math.max(0, starts[0].t1 - 0.04) : 0
  const m0 = moves.length ? moves[0].t0 : t0
  const m1 = moves.length ? moves[moves.length - 1].t1 : t0
  const t2 = ends.length ? ends[ends.length - 1].t0 + 0.02 : m1
  return [t0, moves.length ? (m0 + m1) / 2 : t0, Math.max(t2, m1 - 0.02)]
}

/** The palm centres' path over the movement, projected as drawFrame projects (full view). */
function handPaths (tl: Timeline, w: number, h: number, frame: Trail): Array<Array<[number, number]>> {
  const cam = setCamera(createCamera(), { ...SHEET_FRAME, width: w, height: h })
  const pose = createPose()
  const moves = tl.phases.filter(p => p.phase === 'move')
  if (moves.length === 0) return [[], []]
  const a = moves[0].t0; const b = moves[moves.length - 1].t1
  // The framing holds still over an item's movement (drawn in the middle frame).
  aimFull(cam, frame, { time: (a + b) / 2 })
  const out: Array<Array<[number, number]>> = [[], []]
  const p = new Float64Array(3); const xy = new Float32Array(2); const depth = new Float64Array(1)
  const n = 40
  for (let k = 0; k <= n; k++) {
    samplePose(tl, a + ((b - a) * k) / n, pose)
    for (const hand of [0, 1] as const) {
      handPartWorld(pose, hand, -1, p)
      project(cam, p, 0, xy, 0, depth, 0)
      out[hand].push([xy[0], xy[1]])
    }
  }
  // a hand that barely moves draws no path
  return out.map(pts => {
    const span = Math.max(...pts.map(q => Math.hypot(q[0] - pts[0][0], q[1] - pts[0][1])))
    return span > 4 ? pts : []
  })
}

function arrow (ctx: SKRSContext2D, pts: Array<[number, number]>, x: number, y: number, color: string): void {
  if (pts.length < 2) return
  ctx.save()
  ctx.strokeStyle = color; ctx.fillStyle = color; ctx.lineWidth = 2.5; ctx.setLineDash([6, 4])
  ctx.beginPath()
  pts.forEach(([px, py], i) => (i === 0 ? ctx.moveTo(x + px, y + py) : ctx.lineTo(x + px, y + py)))
  ctx.stroke()
  ctx.setLineDash([])
  const [ex, ey] = pts[pts.length - 1]
  let k = pts.length - 2
  while (k > 0 && Math.hypot(pts[k][0] - ex, pts[k][1] - ey) < 6) k--
  const ang = Math.atan2(ey - pts[k][1], ex - pts[k][0])
  ctx.beginPath()
  ctx.moveTo(x + ex, y + ey)
  ctx.lineTo(x + ex - 11 * Math.cos(ang - 0.45), y + ey - 11 * Math.sin(ang - 0.45))
  ctx.lineTo(x + ex - 11 * Math.cos(ang + 0.45), y + ey - 11 * Math.sin(ang + 0.45))
  ctx.closePath(); ctx.fill()
  ctx.restore()
}

function fitText (ctx: SKRSContext2D, text: string, maxW: number): string {
  if (ctx.measureText(text).width <= maxW) return text
  let t = text
  while (t.length > 1 && ctx.measureText(t + '…').width > maxW) t = t.slice(0, -1)
  return t + '…'
}

async function illustration (nat: NatSign, gitDir: string): Promise<Awaited<ReturnType<typeof loadImage>> | null> {
  try {
    const jpg = execFileSync('git', ['--git-dir', gitDir, 'show', `HEAD:${nat.image}`], { maxBuffer: 8 << 20 })
    return await loadImage(jpg)
  } catch {
    return null
  }
}

async function drawCell (ctx: SKRSContext2D, it: SheetItem, dict: Dictionary, x: number, y: number, gitDir: string): Promise<void> {
  ctx.fillStyle = '#FFFFFF'; ctx.fillRect(x, y, CELL_W, CELL_H)
  ctx.strokeStyle = '#BBBBBB'; ctx.lineWidth = 1; ctx.strokeRect(x + 0.5, y + 0.5, CELL_W - 1, CELL_H - 1)
  ctx.fillStyle = '#111111'; ctx.font = `bold 19px "${LABEL_FONT}"`; ctx.textBaseline = 'middle'; ctx.textAlign = 'left'
  ctx.fillText(fitText(ctx, it.title, CELL_W - 16), x + 8, y + L.titleH / 2 + 1)
  const top = y + L.titleH
  // the national illustration
  const img = it.nat ? await illustration(it.nat, gitDir) : null
  if (img) ctx.drawImage(img, x + 4, top, L.illW, L.illH)
  else {
    ctx.fillStyle = '#F3F3F3'; ctx.fillRect(x + 4, top, L.illW, L.illH)
    ctx.fillStyle = '#AA0000'; ctx.font = `16px "${LABEL_FONT}"`
    ctx.fillText(it.nat ? '插图读不到（--images 指向图库的 git 目录）' : '没有国家手势', x + 16, top + L.illH / 2)
  }
  ctx.fillStyle = '#666666'; ctx.font = `13px "${LABEL_FONT}"`
  ctx.fillText('国家词典插图', x + 10, top + 12)
  // our frames
  const fx = x + 8 + L.illW
  let tl: Timeline | null = null
  let error = it.error
  if (!error && it.entry) {
    const r = entryItems(dict, it.entry)
    if ('error' in r) error = r.error
    else {
      try { tl = compileTimeline(r.items) } catch (e) { error = e instanceof Error ? e.message : String(e) }
    }
  }
  if (tl) {
    const times = keyTimes(tl)
    const frame = computeTrail(tl)
    const paths = handPaths(tl, L.frameW, L.frameH, frame)
    const caps = ['起始', '动作中', '结束']
    times.forEach((t, i) => {
      const cx = fx + i * (L.frameW + 6)
      drawFrame(ctx, tl!, t, cx, top, { ...SHEET_FRAME, frame })
      if (i === 1) { arrow(ctx, paths[0], cx, top, 'rgba(210,30,30,0.85)'); arrow(ctx, paths[1], cx, top, 'rgba(30,80,210,0.85)') }
      ctx.fillStyle = '#666666'; ctx.font = `13px "${LABEL_FONT}"`; ctx.textAlign = 'left'
      ctx.fillText(caps[i], cx + 4, top + 12)
    })
  } else {
    ctx.fillStyle = '#FFF4F4'; ctx.fillRect(fx, top, 3 * L.frameW + 12, L.frameH)
    ctx.fillStyle = '#AA0000'; ctx.font = `15px "${LABEL_FONT}"`
    const msg = (error ?? '没有词条').split('\n')
    msg.slice(0, 10).forEach((m, i) => ctx.fillText(fitText(ctx, m, 3 * L.frameW - 10), fx + 10, top + 24 + i * 20))
  }
  // the notation as written
  ctx.font = `13px "${MONO}", "${LABEL_FONT}"`; ctx.textAlign = 'left'
  it.lines.slice(0, L.textLines).forEach((line, i) => {
    ctx.fillStyle = /^needs:/.test(line) ? '#B00000' : '#222222'
    ctx.fillText(fitText(ctx, line, CELL_W - 16), x + 8, top + L.illH + 12 + i * L.textLine)
  })
}

/** Renders the items, `per` to a sheet, `cols` columns; returns the canvases. */
export async function renderSheets (items: SheetItem[], dict: Dictionary, o: { per: number, cols: number, gitDir: string }): Promise<Canvas[]> {
  ensureFonts()
  if (existsSync(MONO_FONT_FILE)) GlobalFonts.registerFromPath(MONO_FONT_FILE)
  const out: Canvas[] = []
  for (let i = 0; i < items.length; i += o.per) {
    const chunk = items.slice(i, i + o.per)
    const cols = Math.min(o.cols, chunk.length)
    const rows = Math.ceil(chunk.length / cols)
    const c = createCanvas(L.pad + cols * (CELL_W + L.pad), L.pad + rows * (CELL_H + L.pad))
    const ctx = c.getContext('2d')
    ctx.fillStyle = '#E9E9E9'; ctx.fillRect(0, 0, c.width, c.height)
    for (let k = 0; k < chunk.length; k++) {
      await drawCell(ctx, chunk[k], dict, L.pad + (k % cols) * (CELL_W + L.pad), L.pad + Math.floor(k / cols) * (CELL_H + L.pad), o.gitDir)
    }
    out.push(c)
  }
  return out
}

/** The notation lines of an entry as written in its source file (what the reviewer corrects). */
function writtenLines (fields: Map<string, string[]> | undefined): string[] {
  if (!fields) return []
  const keys = ['compound', 'rel', 'dom', 'nondom', 'face', 'needs']
  return keys.flatMap(k => (fields.get(k) ?? []).map(v => `${k}: ${v}`))
}

function main (argv: string[]): Promise<number> | number {
  const val = (f: string): string | undefined => { const i = argv.indexOf(f); return i >= 0 ? argv[i + 1] : undefined }
  const outDir = val('--out')
  if (!outDir) { console.error('缺少 --out 输出目录（审校图不进仓库）'); return 2 }
  const per = Number(val('--per') ?? 6)
  const cols = Number(val('--cols') ?? 2)
  if (!Number.isInteger(per) || per < 1 || per > 12 || !Number.isInteger(cols) || cols < 1 || cols > 4) { console.error('--per 取 1–12，--cols 取 1–4'); return 2 }
  const gitDir = val('--images') ?? process.env.SHOUYU_NATIONAL_IMAGES ?? DEFAULT_IMAGE_GIT_DIR
  if (!existsSync(gitDir)) console.error(`图库 git 目录不存在：${gitDir}（--images 指定；没有它，审校图只有我们的画面）`)
  let nd: NationalDictionary
  try { nd = loadNational() } catch (e) {
    if (e instanceof MissingReferenceError) { console.error(e.message); return 1 }
    throw e
  }
  // the sources, with a draft file in front when given (its entries win over same-id entries)
  const src: Sources = loadSources()
  const file = val('--file')
  const sourceEntries = loadEntries()
  let draftFields = new Map<string, Map<string, string[]>>()
  if (file) {
    const text = readFileSync(file, 'utf8')
    src.categories = { ...src.categories, text: src.categories.text.replace(/\n?$/, '\ndraft 草稿\n') }
    // the draft replaces entries of the same id: drop those from the sources for this render
    const ids = new Set(parseSignsFile(text, 'draft.signs').entries.map(e => e.id))
    const without = (t: string): string => {
      let skip = false
      return t.split('\n').filter(line => {
        const m = /^\s*\[([^\]]*)\]/.exec(line)
        if (m) skip = ids.has(m[1])
        return !skip
      }).join('\n')
    }
    src.files = [{ file: 'src/data/signs/draft.signs', text }, ...src.files.map(f => ({ ...f, text: without(f.text) }))]
    draftFields = new Map(parseSignsFile(text, 'draft.signs').entries.map(e => {
      const m = new Map<string, string[]>()
      for (const f of e.fields) m.set(f.key, [...(m.get(f.key) ?? []), f.value])
      return [e.id, m]
    }))
  }
  const { dict, issues } = compileDictionary(src)
  const byId = new Map(dict.entries.map(e => [e.id, e]))
  const fieldsOf = new Map<string, Map<string, string[]>>([...sourceEntries.map(e => [e.id, e.fields] as const), ...draftFields])
  const natOf = (id: string): number | null => {
    const f = fieldsOf.get(id)?.get('nat')?.[0]
    if (f) return Number(/^\d+/.exec(f)?.[0])
    if (draftFields.has(id)) return null // an entry of the draft file without nat: is not the planned sign of that id
    try { for (const b of readManifest().batches) for (const s of b.signs) if (s.id === id) return s.nat } catch { /* no manifest */ }
    return null
  }
  let ids: string[]
  if (val('--ids')) ids = val('--ids')!.split(',')
  else if (val('--nat')) {
    const want = val('--nat')!.split(',').map(Number)
    ids = want.map(n => [...fieldsOf.keys()].find(id => natOf(id) === n) ?? `nat:${n}`)
  } else if (val('--batch')) {
    const b = readManifest().batches.find(x => x.id === val('--batch'))
    if (!b) { console.error(`清单中没有批次 ${val('--batch')}`); return 2 }
    ids = b.signs.map(s => s.id)
  } else if (file) ids = [...draftFields.keys()]
  else { console.error('用法：sheet.ts --batch 批次 | --ids a,b | --nat 1,2 | --file 草稿.signs   --out 目录 [--per 6] [--cols 2]'); return 2 }
  const items: SheetItem[] = ids.map(id => {
    const e = byId.get(id) ?? null
    const n = id.startsWith('nat:') ? Number(id.slice(4)) : natOf(id)
    const nat = n !== null ? nd.byId.get(n) ?? null : null
    // only what stops the avatar: the data-format checks are `cli validate`'s job
    const entryIssues = issues.filter(i => i.entryId === id && /^(?:dom|nondom|rel|face|covers|compound)/.test(i.field))
    const lines = writtenLines(fieldsOf.get(id))
    return {
      entry: e,
      nat,
      lines,
      title: `${e?.word ?? fieldsOf.get(id)?.get('word')?.[0] ?? id}  ·  ${id}  ·  ${nat ? `国家 ${nat.id}「${nat.headword}」第${nat.volume}册` : '无国家手势'}`,
      error: e ? (entryIssues.length ? entryIssues.map(i => `${i.field}: ${i.message}`).join('\n') : undefined) : `没有词条 ${id}`
    }
  })
  return (async () => {
    mkdirSync(outDir, { recursive: true })
    const sheets = await renderSheets(items, dict, { per, cols, gitDir })
    for (let i = 0; i < sheets.length; i++) {
      const f = join(outDir, `sheet-${String(i + 1).padStart(2, '0')}.png`)
      await savePng(sheets[i], f)
      console.log(`${f}  ${items.slice(i * per, i * per + per).map(x => x.entry?.id ?? x.title).join(' ')}`)
    }
    return 0
  })()
}

if (require.main === module) {
  void Promise.resolve(main(process.argv.slice(2))).then(code => { process.exitCode = code })
}
