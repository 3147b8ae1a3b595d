/**
 * Node-only canvas helper (@napi-rs/canvas) for the CLI, tests and benchmarks: renders engine frames
 * to PNG. Never imported by the app (src/ uses the platform canvas through render.ts).
 */
import { existsSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { type Canvas, type SKRSContext2D, GlobalFonts, createCanvas } from '@napi-rs/canvas'
import {
  type CameraView, type Canvas2DLike, type Theme, type Timeline, type Trail, PALETTES, aimFull, buildDrawList, createCamera, createDrawList, createPose,
  renderDrawList, samplePose, setCamera
} from '../../src/core/avatar'

const CJK_FONTS = [
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc'
]
let fontsReady = false
/** Font family for labels (Chinese glyphs need a CJK font). */
export const LABEL_FONT = 'Noto Sans CJK SC'

export function ensureFonts (): void {
  if (fontsReady) return
  for (const f of CJK_FONTS) if (existsSync(f)) GlobalFonts.registerFromPath(f)
  fontsReady = true
}

export interface FrameOptions {
  view?: CameraView
  mirror?: boolean
  closeUp?: boolean
  width?: number
  height?: number
  follow?: number
  zoom?: number
  /** Which palette paints the frame (default light). */
  theme?: Theme
  /** The movement trail to draw (computeTrail of the same timeline). */
  trail?: Trail | null
  /** The framing to follow as the player does (computeTrail of the same timeline); none: the fixed full view. */
  frame?: Trail | null
}

/** Renders one frame of a timeline at time t into ctx at (x, y). */
export function drawFrame (ctx: SKRSContext2D, tl: Timeline, t: number, x: number, y: number, o: FrameOptions = {}): void {
  const w = o.width ?? 240; const h = o.height ?? 320
  const cam = setCamera(createCamera(), { view: o.view ?? 'front', mirror: o.mirror ?? false, closeUp: o.closeUp ?? false, width: w, height: h, follow: o.follow, zoom: o.zoom })
  if (o.frame) aimFull(cam, o.frame, { time: t })
  const pose = samplePose(tl, t, createPose())
  const list = buildDrawList(pose, cam, createDrawList(), o.trail ?? null)
  ctx.save()
  ctx.translate(x, y)
  ctx.beginPath(); ctx.rect(0, 0, w, h); ctx.clip()
  renderDrawList(ctx as unknown as Canvas2DLike, list, PALETTES[o.theme ?? 'light'])
  ctx.restore()
}

/** A single frame as its own canvas (tests read its pixels). */
export function renderFrameCanvas (tl: Timeline, t: number, o: FrameOptions = {}): Canvas {
  const c = createCanvas(o.width ?? 240, o.height ?? 320)
  drawFrame(c.getContext('2d'), tl, t, 0, 0, o)
  return c
}

export interface StripFrame { t: number; caption: string }

/** A labelled strip: title on top, frames side by side, a caption under each. */
export function renderStrip (tl: Timeline, title: string, frames: StripFrame[], o: FrameOptions = {}): Canvas {
  ensureFonts()
  const w = o.width ?? 240; const h = o.height ?? 320
  const pad = 8; const titleH = 34; const capH = 26
  const c = createCanvas(pad + frames.length * (w + pad), titleH + h + capH + pad)
  const ctx = c.getContext('2d')
  ctx.fillStyle = '#FFFFFF'; ctx.fillRect(0, 0, c.width, c.height)
  ctx.fillStyle = '#222222'; ctx.font = `bold 20px "${LABEL_FONT}"`; ctx.textBaseline = 'middle'
  ctx.fillText(title, pad, titleH / 2)
  frames.forEach((f, i) => {
    const x = pad + i * (w + pad)
    drawFrame(ctx, tl, f.t, x, titleH, o)
    ctx.fillStyle = '#333333'; ctx.font = `15px "${LABEL_FONT}"`; ctx.textAlign = 'center'
    ctx.fillText(f.caption, x + w / 2, titleH + h + capH / 2)
    ctx.textAlign = 'left'
  })
  return c
}

export interface SheetRow {
  /** The word as the reviewer knows it, and the entry id and the view under it. */
  title: string
  subtitle: string
  tl: Timeline
  trail: Trail
  view: CameraView
  frames: Array<{ t: number; caption: string; trail: boolean }>
}

/**
 * The review sheet: one row per word, its label on the left, then its frames (start, key frame
 * with the movement path, end), each captioned; what a Deaf reviewer checks against the
 * national dictionary's illustrations.
 */
export function renderSheet (rows: SheetRow[], o: { mirror?: boolean; width?: number; height?: number } = {}): Canvas {
  ensureFonts()
  const w = o.width ?? 240; const h = o.height ?? 300
  const pad = 8; const labelW = 150; const capH = 26
  const cols = Math.max(1, ...rows.map(r => r.frames.length))
  const c = createCanvas(pad + labelW + cols * (w + pad), pad + rows.length * (h + capH + pad))
  const ctx = c.getContext('2d')
  ctx.fillStyle = '#FFFFFF'; ctx.fillRect(0, 0, c.width, c.height)
  rows.forEach((row, ri) => {
    const y = pad + ri * (h + capH + pad)
    ctx.textAlign = 'left'; ctx.textBaseline = 'middle'
    ctx.fillStyle = '#111111'; ctx.font = `bold 26px "${LABEL_FONT}"`
    ctx.fillText(row.title, pad, y + h / 2 - 16)
    ctx.fillStyle = '#555555'; ctx.font = `14px "${LABEL_FONT}"`
    ctx.fillText(row.subtitle, pad, y + h / 2 + 16)
    row.frames.forEach((f, fi) => {
      const x = pad + labelW + fi * (w + pad)
      drawFrame(ctx, row.tl, f.t, x, y, { view: row.view, mirror: o.mirror, width: w, height: h, trail: f.trail ? row.trail : null, frame: row.trail })
      ctx.textAlign = 'center'; ctx.fillStyle = '#333333'; ctx.font = `15px "${LABEL_FONT}"`
      ctx.fillText(f.caption, x + w / 2, y + h + capH / 2)
    })
  })
  return c
}

export interface ChartCell { tl: Timeline; t: number; title: string; subtitle: string }

/** A grid of close-ups with a caption per cell (handshape chart). */
export function renderGrid (cells: ChartCell[], cols: number, o: FrameOptions = {}): Canvas {
  ensureFonts()
  const w = o.width ?? 150; const h = o.height ?? 150
  const pad = 6; const capH = 40
  const rows = Math.ceil(cells.length / cols)
  const c = createCanvas(pad + cols * (w + pad), pad + rows * (h + capH + pad))
  const ctx = c.getContext('2d')
  ctx.fillStyle = '#FFFFFF'; ctx.fillRect(0, 0, c.width, c.height)
  cells.forEach((cell, i) => {
    const x = pad + (i % cols) * (w + pad); const y = pad + Math.floor(i / cols) * (h + capH + pad)
    drawFrame(ctx, cell.tl, cell.t, x, y, { ...o, closeUp: o.closeUp ?? true, follow: o.follow ?? 1, zoom: o.zoom ?? 1.45, width: w, height: h })
    ctx.textAlign = 'center'; ctx.textBaseline = 'middle'
    ctx.fillStyle = '#111111'; ctx.font = `bold 16px "${LABEL_FONT}"`
    ctx.fillText(cell.title, x + w / 2, y + h + 12)
    ctx.fillStyle = '#555555'; ctx.font = `13px "${LABEL_FONT}"`
    ctx.fillText(cell.subtitle, x + w / 2, y + h + 30)
  })
  return c
}

export async function savePng (c: Canvas, file: string): Promise<void> {
  await writeFile(file, await c.encode('png'))
}
