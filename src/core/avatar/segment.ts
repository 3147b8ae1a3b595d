/**
 * The packed segment: one stretch of one hand's motion in a compiled timeline (a transition, a hold,
 * a movement stroke), a fixed-size record in a Float64Array so the per-frame sampler (pose.ts) reads
 * numbers only. docs/avatar.md has the table of fields; every reader and writer uses these names.
 */
import { SHAPE_LEN } from './hand-model'

export const S_T0 = 0
export const S_T1 = 1
/** 0 line (+ bulge), 1 circle, 2 zig-zag, 3 wave. */
export const S_KIND = 2
export const S_P0 = 4
export const S_P1 = 7
/** Go-and-back excursion vector: added × sin(π s) (bulge, arc, tap). */
export const S_E = 10
/** Circle: start offset from centre (r·u) and r·v; sweep (rad). */
export const S_CU = 13
export const S_CV = 16
export const S_SWEEP = 19
/** Zig-zag / wave: perpendicular amplitude vector and cycles. */
export const S_ZZ = 20
export const S_CYCLES = 23
export const S_Q0 = 24
export const S_Q1 = 28
/** Go-and-back rotation: axis (world) and amplitude (rad). */
export const S_OSC_AXIS = 32
export const S_OSC_ANGLE = 35
export const S_WIGGLE = 36
export const S_HEAD0 = 37
export const S_HEAD1 = 38
/** Thumb rub (捻动): amplitude (rad) of the thumb sliding along the finger pads. */
export const S_RUB = 39
export const S_A0 = 40
export const S_A1 = S_A0 + SHAPE_LEN
/**
 * Base anchor (rel: base, a hand at a site on the other hand): weight at the start and end of the
 * segment (0 free … 1 moves rigidly with the other hand), and the other hand's palm centre and
 * rotation (torso space) the segment's positions were computed against.
 */
export const S_ANCHOR0 = S_A1 + SHAPE_LEN
export const S_ANCHOR1 = S_ANCHOR0 + 1
export const S_BASE_P = S_ANCHOR0 + 2
export const S_BASE_Q = S_BASE_P + 3
/**
 * Single-finger bend (flex): amplitude (rad) added at the knuckles of the named fingers over the
 * segment (× sin(π s): down and back), and which fingers, as a bit mask (FLEX_BIT in movements.ts).
 */
export const S_FLEX = S_BASE_Q + 4
export const S_FLEX_MASK = S_FLEX + 1
/**
 * Squeeze (夹, 仇): angle (rad, signed about +z, × sin(π s)) by which the solved arm turns in about
 * the shoulder, elbow, wrist and hand together: the upper arm closes on what is in the armpit. The
 * hand does not lead here (the arm follows its hand in ik.ts, and its elbow would stay out).
 */
export const S_SQUEEZE = S_FLEX_MASK + 1
export const SEG = S_SQUEEZE + 1

export const KIND_LINE = 0
export const KIND_CIRCLE = 1
export const KIND_ZIGZAG = 2
export const KIND_WAVE = 3

