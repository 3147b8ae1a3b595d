/**
 * Executes a draw list on any Canvas 2D context (WeChat canvas type="2d", browser, @napi-rs/canvas).
 * No DOM types: Canvas2DLike is the minimal structural interface used. Allocation-free: styles are
 * the given palette's constant strings, no string building.
 */
import { DATA_STRIDE, type DrawList, type Palette, PALETTE_LIGHT, PRIM_CHAIN, PRIM_ELLIPSE, PRIM_POLY, PRIM_RECT } from './drawlist'

export interface Canvas2DLike {
  beginPath(): void
  moveTo(x: number, y: number): void
  lineTo(x: number, y: number): void
  arc(x: number, y: number, r: number, a0: number, a1: number, ccw?: boolean): void
  ellipse(x: number, y: number, rx: number, ry: number, rotation: number, a0: number, a1: number, ccw?: boolean): void
  closePath(): void
  fill(): void
  stroke(): void
  fillRect(x: number, y: number, w: number, h: number): void
  clearRect(x: number, y: number, w: number, h: number): void
  save(): void
  restore(): void
  setTransform(a: number, b: number, c: number, d: number, e: number, f: number): void
  fillStyle: unknown
  strokeStyle: unknown
  lineWidth: number
  lineCap: unknown
  lineJoin: unknown
  globalAlpha: number
}

const TAU = Math.PI * 2

function path (ctx: Canvas2DLike, data: Float32Array, o: number, n: number): void {
  ctx.beginPath()
  ctx.moveTo(data[o], data[o + 1])
  for (let k = 1; k < n; k++) ctx.lineTo(data[o + 2 * k], data[o + 2 * k + 1])
}

/**
 * Paints the list in its paint order with `palette` (PALETTES.light or .dark: the theme is the
 * caller's choice, never a global). The caller sets the device-pixel transform beforehand.
 */
export function renderDrawList (ctx: Canvas2DLike, list: DrawList, palette: Palette = PALETTE_LIGHT): void {
  const PALETTE = palette
  ctx.save()
  ctx.lineCap = 'round'
  ctx.lineJoin = 'round'
  ctx.globalAlpha = 1
  const d = list.data
  for (let r = 0; r < list.count; r++) {
    const i = list.order[r]
    const o = i * DATA_STRIDE
    const kind = list.kind[i]
    const fill = list.fill[i]
    const stroke = list.stroke[i]
    if (kind === PRIM_RECT) {
      ctx.fillStyle = PALETTE[fill]
      ctx.fillRect(d[o], d[o + 1], d[o + 2], d[o + 3])
    } else if (kind === PRIM_POLY) {
      const n = list.npts[i]
      if (n < 2) continue
      path(ctx, d, o, n)
      ctx.closePath()
      const pad = list.outline[i]
      if (pad > 0 && fill >= 0) {
        // A thick polygon (a palm seen edge-on): outline, then a fill-coloured rim, then the fill.
        if (stroke >= 0) { ctx.strokeStyle = PALETTE[stroke]; ctx.lineWidth = 2 * pad + 2 * list.lineWidth[i]; ctx.stroke() }
        ctx.strokeStyle = PALETTE[fill]; ctx.lineWidth = 2 * pad; ctx.stroke()
        ctx.fillStyle = PALETTE[fill]; ctx.fill()
        continue
      }
      if (fill >= 0) { ctx.fillStyle = PALETTE[fill]; ctx.fill() }
      if (stroke >= 0) { ctx.strokeStyle = PALETTE[stroke]; ctx.lineWidth = list.lineWidth[i]; ctx.stroke() }
    } else if (kind === PRIM_CHAIN) {
      const n = list.npts[i]
      if (n < 2) continue
      path(ctx, d, o, n)
      const ol = list.outline[i]
      if (ol > 0 && stroke >= 0) {
        ctx.strokeStyle = PALETTE[stroke]
        ctx.lineWidth = list.lineWidth[i] + 2 * ol
        ctx.stroke()
      }
      ctx.strokeStyle = PALETTE[fill]
      ctx.lineWidth = list.lineWidth[i]
      ctx.stroke()
    } else if (kind === PRIM_ELLIPSE) {
      ctx.beginPath()
      ctx.ellipse(d[o], d[o + 1], d[o + 2], d[o + 3], d[o + 4], 0, TAU)
      if (fill >= 0) { ctx.fillStyle = PALETTE[fill]; ctx.fill() }
      if (stroke >= 0) { ctx.strokeStyle = PALETTE[stroke]; ctx.lineWidth = list.lineWidth[i]; ctx.stroke() }
    }
  }
  ctx.restore()
}
