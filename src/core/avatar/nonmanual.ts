/**
 * Non-manual features (docs/notation.md, face line) → face events of the timeline: each value is
 * a set of channel targets (face-channels.ts) held over the sign, or an oscillation (a nod).
 *
 * Sides: the dominant (right) hand's side is avatar −x. A value toward x sign X turns the head or
 * torso by +yaw·X (a rotation about +y carries the face toward +x) and tilts it by −roll·X (a
 * rotation about +z carries the top of the head toward −x). `leftX` is the x sign of the signer's
 * left as drawn (−1 in the mirrored view, docs/avatar.md), for the absolute L / R.
 */
import { NM_ATTACK_S, NM_RELEASE_S } from './constants'
import {
  F_BROW_FURROW, F_BROW_RAISE,
  F_BROW_SAD, F_CHEEK_PUFF, F_EYE_OPEN, F_EYE_WIDE, F_GAZE_HAND, F_GAZE_X, F_GAZE_Y, F_HEAD_FORWARD, F_HEAD_PITCH,
  F_HEAD_ROLL, F_HEAD_YAW, F_MOUTH_OPEN, F_MOUTH_PURSE, F_MOUTH_ROUND, F_MOUTH_SMILE, F_NOSE_WRINKLE,
  F_SHOULDER_RAISE, F_TONGUE, F_TORSO_PITCH, F_TORSO_ROLL, F_TORSO_YAW
} from './face-channels'
import type { Expression, NonManual } from '../sign/types'

/** rad: head turned (转头), bowed or raised (低头、仰头), tilted (歪头). */
const HEAD_TURN_RAD = 0.45
const HEAD_BOW_RAD = 0.3
const HEAD_TILT_RAD = 0.14
/** rad: torso leaning forward / back, sideways, turned. */
const BODY_FORWARD_RAD = 0.2
const BODY_BACK_RAD = 0.15
const BODY_LEAN_RAD = 0.12
const BODY_TURN_RAD = 0.3
/** The dominant hand's side (avatar x sign). */
const DOM_X = -1

/** A channel target: value, oscillation frequency (Hz, 0 = held), 1 when the value is toward a side (times that side's x sign). */
type Target = readonly [channel: number, value: number, hz?: number, sided?: 1]

/** Expressions as channel targets: brows, eyes, mouth, head (own reading of the named faces). */
const EXPRESSIONS: Readonly<Record<Expression, readonly Target[]>> = {
  疑问: [[F_BROW_RAISE, 1], [F_HEAD_FORWARD, 1], [F_HEAD_PITCH, -0.08], [F_EYE_WIDE, 0.5]],
  高兴: [[F_MOUTH_SMILE, 1], [F_BROW_RAISE, 0.35], [F_MOUTH_OPEN, 0.15]],
  难过: [[F_MOUTH_SMILE, -0.9], [F_BROW_SAD, 1], [F_HEAD_PITCH, 0.1], [F_EYE_OPEN, -0.2]],
  惊讶: [[F_BROW_RAISE, 1], [F_MOUTH_OPEN, 0.75], [F_MOUTH_ROUND, 0.5], [F_EYE_WIDE, 1]],
  生气: [[F_BROW_FURROW, 1], [F_MOUTH_SMILE, -0.5], [F_EYE_OPEN, -0.15]],
  否定: [[F_HEAD_YAW, 0.17, 2.4], [F_MOUTH_SMILE, -0.6], [F_BROW_FURROW, 0.4]],
  思考: [[F_BROW_FURROW, 0.5], [F_GAZE_Y, 0.5], [F_MOUTH_PURSE, 0.3]],
  难受: [[F_BROW_SAD, 1], [F_EYE_OPEN, -0.3], [F_MOUTH_SMILE, -0.6]],
  坚毅: [[F_BROW_FURROW, 0.6], [F_MOUTH_PURSE, 0.5], [F_HEAD_FORWARD, 0.3]],
  严肃: [[F_BROW_FURROW, 0.5], [F_MOUTH_SMILE, -0.3]],
  怜爱: [[F_MOUTH_SMILE, 0.6], [F_BROW_SAD, 0.4], [F_HEAD_ROLL, 0.1]],
  凶恶: [[F_BROW_FURROW, 1], [F_MOUTH_SMILE, -0.7], [F_EYE_WIDE, 0.5]],
  害怕: [[F_BROW_RAISE, 0.7], [F_BROW_SAD, 0.6], [F_EYE_WIDE, 1], [F_HEAD_FORWARD, -0.5]],
  不满: [[F_BROW_FURROW, 0.7], [F_MOUTH_SMILE, -0.6], [F_MOUTH_PURSE, 0.3]],
  厌恶: [[F_BROW_FURROW, 0.8], [F_NOSE_WRINKLE, 1], [F_MOUTH_SMILE, -0.5]],
  痛苦: [[F_BROW_SAD, 1], [F_BROW_FURROW, 0.5], [F_EYE_OPEN, -0.5], [F_MOUTH_SMILE, -0.8]],
  怀疑: [[F_BROW_FURROW, 0.6], [F_HEAD_ROLL, 0.1], [F_EYE_OPEN, -0.3]],
  焦急: [[F_BROW_SAD, 0.6], [F_BROW_FURROW, 0.5], [F_MOUTH_OPEN, 0.2]],
  疲劳: [[F_EYE_OPEN, -0.5], [F_HEAD_PITCH, 0.12], [F_MOUTH_SMILE, -0.3]],
  紧张: [[F_BROW_RAISE, 0.5], [F_EYE_WIDE, 0.6], [F_MOUTH_PURSE, 0.5]],
  得意: [[F_MOUTH_SMILE, 1], [F_BROW_RAISE, 0.3], [F_HEAD_PITCH, -0.1]],
  失望: [[F_BROW_SAD, 0.8], [F_MOUTH_SMILE, -0.6], [F_HEAD_PITCH, 0.15]],
  期待: [[F_BROW_RAISE, 0.8], [F_MOUTH_SMILE, 0.5], [F_EYE_WIDE, 0.4]],
  满意: [[F_MOUTH_SMILE, 0.8], [F_HEAD_PITCH, 0.06, 1.5]],
  轻松: [[F_MOUTH_SMILE, 0.6], [F_EYE_OPEN, -0.1]],
  傲慢: [[F_HEAD_PITCH, -0.2], [F_MOUTH_SMILE, 0.3], [F_EYE_OPEN, -0.3]],
  羡慕: [[F_BROW_RAISE, 0.6], [F_MOUTH_SMILE, 0.3], [F_GAZE_HAND, 0.6]],
  愧疚: [[F_BROW_SAD, 0.8], [F_HEAD_PITCH, 0.2], [F_GAZE_Y, -0.6]]
}

/** The value toward the written side: gaze=i / c / L / R. */
const GAZE_SIDE: readonly Target[] = [[F_GAZE_X, 1, 0, 1]]

/**
 * Every other non-manual field as channel targets, per value (the part before a '.side'), in the
 * order the events are written: a table rather than a switch per field (docs/avatar.md "Bundle").
 */
const FEATURES: Readonly<Record<Exclude<keyof NonManual, 'expr'>, Readonly<Record<string, readonly Target[]>>>> = {
  brows: { raise: [[F_BROW_RAISE, 1]], furrow: [[F_BROW_FURROW, 1]], sad: [[F_BROW_SAD, 1]] },
  eyes: { closed: [[F_EYE_OPEN, -1]], squint: [[F_EYE_OPEN, -0.55]], wide: [[F_EYE_WIDE, 1]], blink: [[F_EYE_OPEN, -0.8, 2]] },
  head: {
    nod: [[F_HEAD_PITCH, 0.13, 2.2]],
    shake: [[F_HEAD_YAW, 0.17, 2.4]],
    tilt: [[F_HEAD_ROLL, -HEAD_TILT_RAD, 0, 1]],
    turn: [[F_HEAD_YAW, HEAD_TURN_RAD, 0, 1]],
    down: [[F_HEAD_PITCH, HEAD_BOW_RAD]],
    up: [[F_HEAD_PITCH, -HEAD_BOW_RAD]],
    forward: [[F_HEAD_FORWARD, 1]],
    back: [[F_HEAD_FORWARD, -0.7], [F_HEAD_PITCH, -0.08]]
  },
  body: {
    forward: [[F_TORSO_PITCH, BODY_FORWARD_RAD]],
    back: [[F_TORSO_PITCH, -BODY_BACK_RAD]],
    lean: [[F_TORSO_ROLL, -BODY_LEAN_RAD, 0, 1]],
    turn: [[F_TORSO_YAW, BODY_TURN_RAD, 0, 1]],
    chest: [[F_TORSO_PITCH, -0.08], [F_HEAD_PITCH, -0.05]],
    hunch: [[F_TORSO_PITCH, 0.1], [F_SHOULDER_RAISE, 0.4]],
    sway: [[F_TORSO_ROLL, 0.08, 1.2]]
  },
  shoulders: { raise: [[F_SHOULDER_RAISE, 1]], shrug: [[F_SHOULDER_RAISE, 0.8, 1.2]] },
  mouth: {
    open: [[F_MOUTH_OPEN, 0.8]],
    o: [[F_MOUTH_OPEN, 0.45], [F_MOUTH_ROUND, 1]],
    pursed: [[F_MOUTH_PURSE, 1]],
    smile: [[F_MOUTH_SMILE, 1]],
    frown: [[F_MOUTH_SMILE, -1]],
    puff: [[F_CHEEK_PUFF, 1], [F_MOUTH_PURSE, 0.6]],
    closed: [[F_MOUTH_PURSE, 0.35], [F_MOUTH_SMILE, -0.1]],
    blow: [[F_MOUTH_ROUND, 1], [F_CHEEK_PUFF, 0.5], [F_MOUTH_OPEN, 0.2]],
    tongue: [[F_TONGUE, 1], [F_MOUTH_OPEN, 0.3]],
    bite: [[F_MOUTH_SMILE, -0.3], [F_MOUTH_OPEN, 0.12], [F_BROW_FURROW, 0.3]],
    say: [[F_MOUTH_OPEN, 0.45, 3]]
  },
  nose: { wrinkle: [[F_NOSE_WRINKLE, 1], [F_BROW_FURROW, 0.3]] },
  gaze: { hand: [[F_GAZE_HAND, 1]], up: [[F_GAZE_Y, 1]], down: [[F_GAZE_Y, -1]], far: [[F_GAZE_Y, 0.2], [F_EYE_OPEN, -0.15]], i: GAZE_SIDE, c: GAZE_SIDE, L: GAZE_SIDE, R: GAZE_SIDE }
}

/** The avatar x sign of a written side: i (the dominant side), c, L or R (anything else: the dominant side). */
function sideX (side: string, leftX: number): number {
  return side === 'c' ? -DOM_X : side === 'L' ? leftX : side === 'R' ? -leftX : DOM_X
}

/** Face events of one sign's non-manuals over [t0, t1]. */
export function faceEvents (ev: number[], f: NonManual, t0: number, t1: number, leftX = 1): void {
  const put = (targets: readonly Target[], side: string): void => {
    // One event, its fields in face-channels.ts order: EV_T0, EV_T1, EV_CHANNEL, EV_VALUE, EV_HZ,
    // EV_ATTACK, EV_RELEASE, EV_PHASE.
    for (const [ch, v, hz, sided] of targets) ev.push(t0, t1, ch, sided ? v * sideX(side, leftX) : v, hz || 0, NM_ATTACK_S, NM_RELEASE_S, 0)
  }
  if (f.expr) put(EXPRESSIONS[f.expr], '')
  for (const field in FEATURES) {
    const value = f[field as keyof typeof FEATURES]
    if (!value) continue
    // 'turn.L': the value, then the side; a gaze to a side is the side itself.
    const [what, side] = value.split('.')
    const targets = FEATURES[field as keyof typeof FEATURES][what]
    if (targets) put(targets, side || what)
  }
}
