/**
 * Reference body of the avatar (metres, avatar space: +x signer's left, +y up, +z forward).
 * A 1.70 m adult; the arms are long enough that every body site is reachable (arm reach 0.55 m).
 * Right = dominant. Everything here is the torso's rest frame; the ambient sway moves it rigidly.
 */
import { type NumArray, abs } from './math'
import { freeze } from '../base/object'

/** Indices of body joints in Pose.joints (xyz each). */
export const J_PELVIS = 0
export const J_CHEST = 1
export const J_NECK = 2
export const J_HEAD = 3
export const J_R_SHOULDER = 4
export const J_R_ELBOW = 5
export const J_R_WRIST = 6
export const J_L_SHOULDER = 7
export const J_L_ELBOW = 8
export const J_L_WRIST = 9
export const JOINT_COUNT = 10

export const BODY = freeze({
  /** Torso pivot (sway rotates about it). */
  pelvis: [0, 0.95, 0] as const,
  chest: [0, 1.3, 0.02] as const,
  /** Base of the neck: the head pivots here (nod, shake, tilt). */
  neck: [0, 1.47, 0] as const,
  /** Centre of the head ellipsoid. */
  head: [0, 1.62, 0.005] as const,
  /** Head ellipsoid half-axes (x, y, z). */
  headRadii: [0.078, 0.108, 0.095] as const,
  /** Shoulder joint of the RIGHT (dominant) arm; the left is its x-mirror. */
  shoulderR: [-0.185, 1.43, -0.01] as const,
  /** Half-width of the torso at the chest, the waist and the hip (drawing and contact proxies). */
  chestHalfWidth: 0.17,
  waistHalfWidth: 0.14,
  torsoDepth: 0.11,
  /** Bottom of the drawn torso. */
  hipY: 0.88
})

/**
 * Face features in the head's frame (m from the head centre): the eyes at ±EYE_X, EYE_Y (eye-white
 * half-axes EYE_RX, EYE_RY), the mouth at MOUTH_Y (half width MOUTH_HALF_W), drawn on the face at
 * about FACE_Z (torso-space z of the eyes). The drawing (drawlist.ts) and the face-clearing
 * placement (face-clear.ts) share them.
 */
export const EYE_X = 0.031
export const EYE_Y = 0.012
export const EYE_RX = 0.0135
export const EYE_RY = 0.0095
export const MOUTH_Y = -0.056
export const MOUTH_HALF_W = 0.022
export const FACE_Z = 0.088

/** m: upper arm (shoulder → elbow) and forearm (elbow → wrist). */
export const UPPER_ARM_M = 0.29
export const FOREARM_M = 0.255

/**
 * Relaxed rest pose (palm-centre position in avatar space for the RIGHT hand; the left mirrors):
 * the arms hang at the sides, elbows barely bent, the hands beside the thighs with their fingers
 * down and palms turned in toward the body (a signer between signs; not a hand curled at the hip).
 * Below the full view's frame, so a one-handed sign shows one arm at rest, not a hand.
 */
export const REST_PALM_R = [-0.215, 0.87, 0.035] as const
/** Rest orientation as finger / palm directions in i/c notation terms: fingers down, palm in and a little back. */
export const REST_FINGER_DIR = 'd'
export const REST_PALM_DIR = 'cb'

/** x sign of a hand's own side: the right (dominant) hand lives on −x. */
export function handSideSign (isRight: boolean): number {
  return isRight ? -1 : 1
}

/** The shoulder joint of the arm on side sideX (−1 right, +1 left), torso rest frame, into out. */
export function shoulderAt (sideX: number, out: NumArray): NumArray {
  out[0] = sideX * abs(BODY.shoulderR[0]); out[1] = BODY.shoulderR[1]; out[2] = BODY.shoulderR[2]
  return out
}
