/**
 * Executes a draw list on any Canvas 2D context (WeChat canvas type="2d", browser, @napi-rs/canvas).
 * No DOM types: Canvas2DLike is the minimal structural interface used. Allocation-free: styles are
 * constant palette strings, no string building.
 */
import { DATA_STRIDE, type DrawList, PALETTE, PRIM_CHAIN, PRIM_DOTS, PRIM_ELLIPSE, PRIM_POLY, PRIM_RECT, PRIM_TAPER } from './drawlist'

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
 * The outline of a tapering capsule chain as one path (n points, then n radii, in data from o),
 * each radius grown by `grow`: a four-sided piece per segment and a disc per joint, all wound the
 * same way (the quads' corners run clockwise as drawn on the canvas, the discs too), so the non-zero
 * fill of the union has no holes.
 */
function taper (ctx: Canvas2DLike, d: Float32Array, o: number, n: number, grow: number): void {
  const r0 = o + 2 * n
  ctx.beginPath()
  for (let k = 0; k + 1 < n; k++) {
    const ax = d[o + 2 * k]; const ay = d[o + 2 * k + 1]; const bx = d[o + 2 * k + 2]; const by = d[o + 2 * k + 3]
    const ra = d[r0 + k] + grow; const rb = d[r0 + k + 1] + grow
    const dx = bx - ax; const dy = by - ay
    const len = Math.sqrt(dx * dx + dy * dy)
    if (len < 1e-6) continue
    const nx = -dy / len; const ny = dx / len
    ctx.moveTo(ax + nx * ra, ay + ny * ra)
    ctx.lineTo(bx + nx * rb, by + ny * rb)
    ctx.lineTo(bx - nx * rb, by - ny * rb)
    ctx.lineTo(ax - nx * ra, ay - ny * ra)
    ctx.closePath()
  }
  for (let k = 0; k < n; k++) {
    const x = d[o + 2 * k]; const y = d[o + 2 * k + 1]; const r = d[r0 + k] + grow
    ctx.moveTo(x + r, y)
    ctx.arc(x, y, r, 0, TAU, true)
  }
}

/** Paints the list in its paint order. The caller sets the device-pixel transform beforehand. */
export function renderDrawList (ctx: Canvas2DLike, list: DrawList): void {
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
    } else if (kind === PRIM_TAPER) {
      const n = list.npts[i]
      if (n < 2) continue
      const ol = list.outline[i]
      if (ol > 0 && stroke >= 0) { ctx.fillStyle = PALETTE[stroke]; taper(ctx, d, o, n, ol); ctx.fill() }
      ctx.fillStyle = PALETTE[fill]; taper(ctx, d, o, n, 0); ctx.fill()
    } else if (kind === PRIM_DOTS) {
      const n = list.npts[i]
      const r = list.lineWidth[i]
      ctx.beginPath()
      for (let k = 0; k < n; k++) { ctx.moveTo(d[o + 2 * k] + r, d[o + 2 * k + 1]); ctx.arc(d[o + 2 * k], d[o + 2 * k + 1], r, 0, TAU) }
      if (stroke >= 0) { ctx.strokeStyle = PALETTE[stroke]; ctx.lineWidth = list.outline[i]; ctx.stroke() }
      if (fill >= 0) { ctx.fillStyle = PALETTE[fill]; ctx.fill() }
    } else if (kind === PRIM_ELLIPSE) {
      ctx.beginPath()
      ctx.ellipse(d[o], d[o + 1], d[o + 2], d[o + 3], d[o + 4], 0, TAU)
      if (fill >= 0) { ctx.fillStyle = PALETTE[fill]; ctx.fill() }
      if (stroke >= 0) { ctx.strokeStyle = PALETTE[stroke]; ctx.lineWidth = list.lineWidth[i]; ctx.stroke() }
    }
  }
  ctx.restore()
}
