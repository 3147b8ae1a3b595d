/**
 * The picture on a shared sign's chat card: the avatar at the sign's key frame (core
 * keyFrameTime: the handshape at its starting place) drawn with the engine's own draw list onto
 * an offscreen canvas, beside the word, saved as a PNG (weapp: canvasToTempFilePath). Always the
 * light palette: the card is seen in someone else's chat, whatever theme the sender uses.
 */
import Taro from '@tarojs/taro'
import {
  PALETTES, buildDrawList, compileTimeline, createCamera, createDrawList, createPose, keyFrameTime, renderDrawList, samplePose, setCamera,
  type Canvas2DLike, type TimelineItem
} from '../core/avatar'

/** px; 5:4, the proportion WeChat shows a chat card's picture in. */
export const CARD_W = 500
export const CARD_H = 400
const PAD = 16
const STAGE_W = 228
const TEXT_X = PAD + STAGE_W + 20
const TEXT_W = CARD_W - TEXT_X - PAD
const WORD_PX_MAX = 72
const WORD_PX_MIN = 28
const FONT = '"PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif'
const INK = { bg: '#FFFFFF', word: '#1A1F29', sub: '#4A5260', brand: '#0B5CAD' }

/** Draws the card onto any 2D context of CARD_W × CARD_H (also used by tests with a Node canvas). */
export function drawShareCard (ctx: any, items: TimelineItem[], word: string): void {
  ctx.setTransform(1, 0, 0, 1, 0, 0)
  ctx.fillStyle = INK.bg
  ctx.fillRect(0, 0, CARD_W, CARD_H)
  if (items.length > 0) {
    const tl = compileTimeline(items)
    const pose = samplePose(tl, keyFrameTime(tl), createPose())
    const cam = setCamera(createCamera(), { view: 'front', mirror: false, closeUp: false, width: STAGE_W, height: CARD_H - 2 * PAD })
    ctx.setTransform(1, 0, 0, 1, PAD, PAD)
    renderDrawList(ctx as Canvas2DLike, buildDrawList(pose, cam, createDrawList()), PALETTES.light)
    ctx.setTransform(1, 0, 0, 1, 0, 0)
  }
  ctx.textBaseline = 'alphabetic'
  ctx.textAlign = 'left'
  // The word as large as fits the text column.
  let px = WORD_PX_MAX
  for (; px > WORD_PX_MIN; px -= 4) {
    ctx.font = `bold ${px}px ${FONT}`
    if (ctx.measureText(word).width <= TEXT_W) break
  }
  ctx.fillStyle = INK.word
  ctx.fillText(word, TEXT_X, 150, TEXT_W)
  ctx.font = `32px ${FONT}`
  ctx.fillStyle = INK.sub
  ctx.fillText('的手语怎么打', TEXT_X, 210, TEXT_W)
  ctx.font = `bold 26px ${FONT}`
  ctx.fillStyle = INK.brand
  ctx.fillText('手语词典 · 点开看动作', TEXT_X, CARD_H - 40, TEXT_W)
}

const cache = new Map<string, string>()

async function saveDataUrl (dataUrl: string, name: string): Promise<string> {
  const fs = Taro.getFileSystemManager()
  const path = `${(Taro.env as { USER_DATA_PATH?: string }).USER_DATA_PATH}/${name}`
  await new Promise<void>((resolve, reject) => fs.writeFile({
    filePath: path, data: dataUrl.replace(/^data:image\/png;base64,/, ''), encoding: 'base64', success: () => resolve(), fail: reject
  }))
  return path
}

/**
 * The card of a sign as a local image path for imageUrl (weapp), drawn once per sign; null where
 * it cannot be made (H5 has no chat card; an old base library has no offscreen canvas), and the
 * share then uses WeChat's default picture (a screenshot of the page).
 */
export async function shareCardImage (key: string, items: TimelineItem[], word: string): Promise<string | null> {
  if (process.env.TARO_ENV !== 'weapp') return null
  const hit = cache.get(key)
  if (hit) return hit
  try {
    const canvas = Taro.createOffscreenCanvas({ type: '2d', width: CARD_W, height: CARD_H } as any) as any
    drawShareCard(canvas.getContext('2d'), items, word)
    let path: string
    try {
      path = (await Taro.canvasToTempFilePath({ canvas, fileType: 'png', width: CARD_W, height: CARD_H, destWidth: CARD_W, destHeight: CARD_H } as any)).tempFilePath
    } catch {
      // Older base libraries cannot export an offscreen canvas this way: through a data URL.
      path = await saveDataUrl(canvas.toDataURL('image/png'), `share-${key.replace(/[^\w-]/g, '_')}.png`)
    }
    cache.set(key, path)
    return path
  } catch {
    return null
  }
}
