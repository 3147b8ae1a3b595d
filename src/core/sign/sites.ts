import type { Distance, Side } from './types'
import { freeze } from '../base/object'

/**
 * The location-site table: every site id the notation accepts after '@' (docs/notation.md),
 * with names and descriptions. The 3-D position of each site belongs to the engine
 * (site-geometry.ts, keyed by these ids).
 */

export type SiteRegion = 'head' | 'face' | 'neck' | 'torso' | 'legs' | 'arm' | 'hand' | 'space'

export interface SiteDef {
  id: string
  /** Chinese name shown to users. */
  zh: string
  /** Chinese, our own words: where exactly on the body (or in space). */
  description: string
  region: SiteRegion
  /** Has a left and a right instance; `.i` / `.c` pick one. */
  paired: boolean
  /**
   * Side used when none is written. 'i' for paired body sites; 'c' for the arm sites, because the
   * dominant hand can only reach the other arm.
   */
  defaultSide?: Side
  source: string
}

const SRC = '本项目自拟的部位定义（参考 HamNoSys 的部位分类与 docs/notation.md 的列表）'

function site (
  id: string, zh: string, region: SiteRegion, paired: boolean, description: string, defaultSide?: Side
): SiteDef {
  const def: SiteDef = { id, zh, description, region, paired, source: SRC }
  if (paired) def.defaultSide = defaultSide || 'i'
  return freeze(def)
}

export const SITES: readonly SiteDef[] = freeze([
  // head and face
  site('head_top', '头顶', 'head', false, '头顶正中。'),
  site('hair', '头发', 'head', false, '头顶前部的头发。'),
  site('back_head', '后脑', 'head', false, '后脑勺。'),
  site('head_side', '头侧', 'head', true, '耳朵上方的头部侧面。'),
  site('temple', '太阳穴', 'head', true, '眼角外侧、眉梢后方的太阳穴处。'),
  site('ear', '耳', 'head', true, '耳廓。'),
  site('earlobe', '耳垂', 'head', true, '耳朵下端的耳垂。'),
  site('forehead', '前额', 'face', false, '眉毛上方的额头正中。'),
  site('brow', '眉', 'face', true, '眉毛。'),
  site('eye', '眼', 'face', true, '眼睛（手在眼前或眼下）。'),
  site('nose', '鼻', 'face', false, '鼻尖。'),
  site('cheek', '脸颊', 'face', true, '颧骨下方的面颊。'),
  site('mouth', '嘴', 'face', false, '嘴部正前方。'),
  site('lips', '嘴唇', 'face', false, '嘴唇本身（接触时用）。'),
  site('teeth', '牙齿', 'face', false, '门牙处。'),
  site('chin', '下巴', 'face', false, '下巴尖。'),
  site('under_chin', '颏下', 'face', false, '下巴下方、颈部上端。'),
  site('face', '面部正前方', 'face', false, '脸的正前方，约一拳远。'),
  site('neck', '颈部', 'neck', false, '颈部正前方。'),
  site('throat', '喉部', 'neck', false, '喉结处。'),
  // torso
  site('shoulder', '肩', 'torso', true, '肩头上方。'),
  site('collar', '领口', 'torso', false, '锁骨之间的领口处。'),
  site('chest', '胸部', 'torso', false, '胸口正中。'),
  site('chest_side', '胸侧', 'torso', true, '胸部一侧，锁骨下方。'),
  site('heart', '心口', 'torso', false, '胸口偏向惯用手对侧的心脏处。'),
  site('armpit', '腋下', 'torso', true, '腋窝。'),
  site('ribs', '肋部', 'torso', true, '胸侧下方的肋骨处。'),
  site('stomach', '腹部', 'torso', false, '肚脐上方的腹部。'),
  site('waist', '腰', 'torso', true, '腰部侧面。'),
  site('hip', '胯部', 'torso', true, '胯骨侧面。'),
  site('back', '背后', 'torso', false, '身体背面（手伸到肩后）。'),
  // below the waist
  site('buttock', '臀部', 'legs', true, '臀部侧后方。'),
  site('thigh', '大腿', 'legs', true, '大腿上部的前外侧（手臂垂下能碰到的地方）。'),
  // arms (of the other arm by default)
  site('upper_arm', '上臂', 'arm', true, '上臂外侧中段。', 'c'),
  site('elbow', '肘', 'arm', true, '肘尖。', 'c'),
  site('forearm', '小臂', 'arm', true, '小臂中段。', 'c'),
  site('wrist', '手腕', 'arm', true, '手腕（手背一侧）。', 'c'),
  // signing space
  site('neutral', '胸前', 'space', false, '胸前的中性空间，约一前臂远，打手语最常用的位置。'),
  site('neutral_high', '头前上方', 'space', false, '头部前上方的空间。'),
  site('neutral_low', '腹前', 'space', false, '腹部前方的空间。'),
  site('side', '身体一侧', 'space', true, '身体侧面的空间，肩外侧。'),
  site('far', '身前远处', 'space', false, '手臂几乎伸直的身前远处。'),
  // on the other hand
  site('H.palm', '另一手掌心', 'hand', false, '另一只手的掌心正中。'),
  site('H.back', '另一手手背', 'hand', false, '另一只手的手背正中。'),
  site('H.heel', '另一手掌根', 'hand', false, '另一只手的掌根。'),
  site('H.fingertips', '另一手指尖', 'hand', false, '另一只手的指尖。'),
  site('H.thumb', '另一手拇指', 'hand', false, '另一只手的拇指。'),
  site('H.thumb_tip', '另一手拇指尖', 'hand', false, '另一只手的拇指尖。'),
  site('H.index', '另一手食指', 'hand', false, '另一只手食指的中段。'),
  site('H.index_tip', '另一手食指尖', 'hand', false, '另一只手的食指尖。'),
  site('H.middle', '另一手中指', 'hand', false, '另一只手中指的中段。'),
  site('H.middle_tip', '另一手中指尖', 'hand', false, '另一只手的中指尖。'),
  site('H.pinky', '另一手小指', 'hand', false, '另一只手小指的中段。'),
  site('H.pinky_tip', '另一手小指尖', 'hand', false, '另一只手的小指尖。'),
  site('H.pinky_side', '另一手小指侧', 'hand', false, '另一只手的小指一侧（掌缘）。'),
  site('H.thumb_side', '另一手虎口', 'hand', false, '另一只手拇指与食指之间的虎口。'),
  site('H.knuckles', '另一手指节', 'hand', false, '另一只手握拳时凸起的指根关节（拳面）。'),
  site('H.gaps', '另一手指缝', 'hand', false, '另一只手张开的手指之间。'),
  site('H.inside', '另一手圈内', 'hand', false, '另一只手围成的圈里或握着的拳心里。'),
  site('H.wrist', '另一手手腕', 'hand', false, '另一只手的手腕。')
])

export const SITE_IDS: readonly string[] = freeze(SITES.map(s => s.id))

const BY_ID: ReadonlyMap<string, SiteDef> = new Map(SITES.map(s => [s.id, s]))

export function getSite (id: string): SiteDef | undefined {
  return BY_ID.get(id)
}

/** Sites on the other hand are written with this prefix. */
export const HAND_SITE_PREFIX = 'H.'

/**
 * Distance used when none is written (docs/notation.md): contact for the other hand, 10 cm for
 * head and face, 3 cm for other body sites; undefined for space sites (no offset).
 */
export function defaultDistance (id: string): Distance | undefined {
  const s = BY_ID.get(id)
  if (!s) return undefined
  switch (s.region) {
    case 'hand': return 'touch'
    case 'head':
    case 'face': return 'near'
    case 'space': return undefined
    default: return 'close'
  }
}
