/**
 * Handshape thumbnails for result rows and the handshape chart: one small PNG per handshape,
 * drawn by the avatar engine itself (close-up of the held handshape), so a correction to the
 * handshape table shows up in the pictures on the next build. Written to
 * src/data/compiled/hs/<id>.png and copied into both builds (config/index.ts) as /hs/<id>.png.
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { HANDSHAPES } from '../../src/core/sign/handshapes'
import { compileTimeline } from '../../src/core/avatar'
import { renderFrameCanvas } from '../lib/node-canvas'
import { handshapeItem } from '../cli/render'
import UPNG from 'upng-js'

/** px: shown at 44 CSS px (88 device px on a 2× phone). */
export const THUMB_PX = 80
/**
 * Palette size of the stored PNG. The thumbnails live in the main package (the search page shows
 * them); 64 colours look the same as full colour at this size (checked side by side) and take
 * 139 KB for the 95 hands instead of 363 KB.
 */
export const THUMB_COLORS = 64
export const THUMB_DIR = join(__dirname, '..', '..', 'src', 'data', 'compiled', 'hs')

export function writeHandshapeThumbs (): { written: number, bytes: number } {
  mkdirSync(THUMB_DIR, { recursive: true })
  let written = 0
  let bytes = 0
  for (const h of HANDSHAPES) {
    const item = handshapeItem(h.id)
    if (!item) continue
    const tl = compileTimeline([item], { ambient: false })
    const canvas = renderFrameCanvas(tl, Math.max(0, tl.phases[0].t1 - 0.05), { closeUp: true, follow: 1, zoom: 1.45, width: THUMB_PX, height: THUMB_PX })
    const px = canvas.getContext('2d').getImageData(0, 0, THUMB_PX, THUMB_PX).data
    const rgba = px.buffer.slice(px.byteOffset, px.byteOffset + px.byteLength) as ArrayBuffer
    const png = Buffer.from(UPNG.encode([rgba], THUMB_PX, THUMB_PX, THUMB_COLORS))
    bytes += png.length
    const file = join(THUMB_DIR, `${h.id}.png`)
    // Unchanged pictures are not rewritten, so builds stay incremental.
    if (existsSync(file) && Buffer.compare(readFileSync(file), png) === 0) continue
    writeFileSync(file, png)
    written++
  }
  return { written, bytes }
}

if (require.main === module) {
  const r = writeHandshapeThumbs()
  process.stdout.write(`手形缩略图：${HANDSHAPES.length} 张（更新 ${r.written} 张），共 ${(r.bytes / 1024).toFixed(0)} KB\n`)
}
