/** The compiled timeline and what it is compiled from (docs/avatar.md). */
import type { Location, SignNotation } from '../sign/types'
import type { SiteKind } from './site-geometry'

export interface TimelineItem {
  sign: SignNotation
  /** Gloss shown on the chip, e.g. the word. */
  label: string
  /** Number of description steps of this item (docs/data.md); default 1. */
  steps?: number
}

export type PhaseKind = 'start' | 'move' | 'end'

export interface TimelinePhase {
  t0: number
  t1: number
  /** Index of the item in the sequence. */
  item: number
  phase: PhaseKind
  /** Global index of the description step being signed. */
  step: number
  /** Chinese phase name: 手形 · 位置 / 动作 / 结束. */
  label: string
}

export interface HandTrack {
  isRight: boolean
  /** +1 right hand, −1 left hand (mirrors the canonical hand's local x). */
  chir: number
  seg: Float64Array
  count: number
}

/** A moment where a hand part touches a site: checked by the tests, usable for debug overlays. */
export interface ContactMarker {
  t: number
  /** 0 right (dominant), 1 left. */
  hand: 0 | 1
  /** Landmark index (0..20), −1 palm surface, −2 back-of-hand surface, −3 a named part (loc.part). */
  part: number
  loc: Location
  kind: SiteKind
  /** Site position in torso space at compile time (H.* and arm sites: on the other hand/arm). */
  site: [number, number, number]
  /** The site's outward normal (torso space) at compile time. */
  n: [number, number, number]
  /** Where along the surface the contact is, from the site itself (a brush meets it mid-slide). */
  shift?: [number, number, number]
}

export interface Timeline {
  version: 1
  /** Seconds at 1×. */
  duration: number
  phases: TimelinePhase[]
  items: Array<{ t0: number; t1: number; label: string }>
  contacts: ContactMarker[]
  /** [right (dominant), left]. */
  hands: [HandTrack, HandTrack]
  face: Float64Array
  faceCount: number
  /** Blink start times (s), sorted. */
  blinks: Float64Array
  /** Ambient sway: [freq, phase] pairs for torso yaw, roll, pitch, head yaw, pitch, roll; then the amplitude factor. */
  sway: Float64Array
}

export interface CompileOptions {
  /**
   * The left-handed (mirrored) view: the picture is flipped, so absolute sides (L, R) are placed
   * on the other side before the flip and still show on the signer's left / right.
   */
  mirrored?: boolean
  /** Hold (s) of a sign without movement, e.g. a fingerspelled letter. Default STATIC_HOLD_S. */
  letterHold?: number
  /** Seed of the ambient layer (blinks, sway). */
  seed?: number
  /** Ambient layer (blinks, breathing, sway); default true. Off gives a perfectly still hold (tests, stills). */
  ambient?: boolean
}

