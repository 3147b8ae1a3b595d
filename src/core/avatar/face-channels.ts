/**
 * Non-manual channels of a pose (Pose.face indices), the packed face-event record of a timeline,
 * and the ambient-sway record. Named offsets only (docs/avatar.md).
 */

export const F_BROW_RAISE = 0
export const F_BROW_FURROW = 1
export const F_BROW_SAD = 2
export const F_EYE_OPEN = 3
export const F_EYE_WIDE = 4
export const F_GAZE_X = 5
export const F_GAZE_Y = 6
export const F_MOUTH_OPEN = 7
export const F_MOUTH_ROUND = 8
export const F_MOUTH_SMILE = 9
export const F_MOUTH_PURSE = 10
export const F_CHEEK_PUFF = 11
export const F_HEAD_PITCH = 12
export const F_HEAD_YAW = 13
export const F_HEAD_ROLL = 14
export const F_HEAD_FORWARD = 15
export const F_GAZE_HAND = 16
export const F_BREATH = 17
export const F_TORSO_YAW = 18
export const F_TORSO_ROLL = 19
export const F_TORSO_PITCH = 20
/** Both shoulders lifted (耸肩), 0 … 1. */
export const F_SHOULDER_RAISE = 21
/** Tongue shown (伸舌、舌顶腮), 0 … 1. */
export const F_TONGUE = 22
/** Nose wrinkled (皱鼻), 0 … 1. */
export const F_NOSE_WRINKLE = 23
export const FACE_LEN = 24

/**
 * A face event (Float64Array, stride EV): channel `EV_CHANNEL` moves toward `EV_VALUE` over
 * `EV_ATTACK` s from `EV_T0`, holds to `EV_T1`, returns over `EV_RELEASE` s; with `EV_HZ` > 0 it
 * oscillates (a nod, a shake) with that amplitude and frequency instead of holding.
 */
export const EV_T0 = 0
export const EV_T1 = 1
export const EV_CHANNEL = 2
export const EV_VALUE = 3
export const EV_HZ = 4
export const EV_ATTACK = 5
export const EV_RELEASE = 6
/** Oscillation phase (rad) at EV_T0. */
export const EV_PHASE = 7
export const EV = 8

/**
 * Ambient sway (Float64Array, length SW_LEN): a [frequency (Hz), phase (rad)] pair per swaying
 * axis, then the amplitude factor of the whole ambient layer (0 = perfectly still).
 */
export const SW_TORSO_YAW = 0
export const SW_TORSO_ROLL = 2
export const SW_TORSO_PITCH = 4
export const SW_HEAD_YAW = 6
export const SW_HEAD_PITCH = 8
export const SW_HEAD_ROLL = 10
/** Number of swaying axes (each a pair). */
export const SW_AXES = 6
export const SW_AMP = 12
export const SW_LEN = 13

