/**
 * Executes a draw list on any Canvas 2D context (WeChat canvas type="2d", browser, @napi-rs/canvas).
 * No DOM types: Canvas2DLike is the minimal structural interface used. Allocation-free: styles are
 * the given palette's constant strings, no string building.
 */
import { DATA_STRIDE, type DrawList, type Palette, PALETTE_LIGHT, PRIM_CHAIN, PRIM_DOTS, PRIM_ELLIPSE, PRIM_POLY, PRIM_RECT, PRIM_TAPER } from './drawlist'
import { PI, sqrt } from './math'

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

const TAU = PI * 2

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
    const len = sqrt(dx * dx + dy * dy)
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

/** Fills the current path with palette colour `fill` (none when −1). */
function fillWith (ctx: Canvas2DLike, palette: Palette, fill: number): void {
  if (fill >= 0) { ctx.fillStyle = palette[fill]; ctx.fill() }
}

/** Strokes the current path with palette colour `stroke` (none when −1) at `width` px. */
function strokeWith (ctx: Canvas2DLike, palette: Palette, stroke: number, width: number): void {
  if (stroke >= 0) { ctx.strokeStyle = palette[stroke]; ctx.lineWidth = width; ctx.stroke() }
}

/**
 * Paints the list in its paint order with `palette` (PALETTES.light or .dark: the theme is the
 * caller's choice, never a global). The caller sets the device-pixel transform beforehand. (The
 * canvas calls box their float arguments anyway: the helpers above add no allocation.)
 */
export function renderDrawList (ctx: Canvas2DLike, list: DrawList, palette: Palette = PALETTE_LIGHT): void {
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
    const n = list.npts[i]
    const width = list.lineWidth[i]
    const ol = list.outline[i]
    if (kind === PRIM_RECT) {
      ctx.fillStyle = palette[fill]
      ctx.fillRect(d[o], d[o + 1], d[o + 2], d[o + 3])
    } else if (kind === PRIM_ELLIPSE) {
      ctx.beginPath()
      ctx.ellipse(d[o], d[o + 1], d[o + 2], d[o + 3], d[o + 4], 0, TAU)
      fillWith(ctx, palette, fill)
      strokeWith(ctx, palette, stroke, width)
    } else if (kind === PRIM_DOTS) {
      ctx.beginPath()
      for (let k = 0; k < n; k++) { ctx.moveTo(d[o + 2 * k] + width, d[o + 2 * k + 1]); ctx.arc(d[o + 2 * k], d[o + 2 * k + 1], width, 0, TAU) }
      // The halo (stroke) under the dot (fill).
      strokeWith(ctx, palette, stroke, ol)
      fillWith(ctx, palette, fill)
    } else if (n < 2) {
      continue
    } else if (kind === PRIM_POLY) {
      path(ctx, d, o, n)
      ctx.closePath()
      if (ol > 0 && fill >= 0) {
        // A thick polygon (a palm seen edge-on): outline, then a fill-coloured rim, then the fill.
        strokeWith(ctx, palette, stroke, 2 * ol + 2 * width)
        strokeWith(ctx, palette, fill, 2 * ol)
        fillWith(ctx, palette, fill)
      } else {
        fillWith(ctx, palette, fill)
        strokeWith(ctx, palette, stroke, width)
      }
    } else if (kind === PRIM_CHAIN) {
      path(ctx, d, o, n)
      if (ol > 0) strokeWith(ctx, palette, stroke, width + 2 * ol)
      strokeWith(ctx, palette, fill, width)
    } else if (kind === PRIM_TAPER) {
      if (ol > 0 && stroke >= 0) { ctx.fillStyle = palette[stroke]; taper(ctx, d, o, n, ol); ctx.fill() }
      ctx.fillStyle = palette[fill]; taper(ctx, d, o, n, 0); ctx.fill()
    }
  }
  ctx.restore()
}
