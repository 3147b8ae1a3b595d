/**
 * The one moment of a sign a still picture shows (the share card): the held start of its first
 * item — the handshape formed at its starting place, which is what a learner needs to recognise
 * and copy (手形 · 位置) — a little before the movement begins, never mid-motion.
 */
import type { Timeline } from './timeline'
import { max } from './math'

/** Seconds before the end of the start phase: the hand has arrived, nothing has begun to move. */
const BEFORE_MOVE_S = 0.05

export function keyFrameTime (tl: Timeline): number {
  const start = tl.phases.find(p => p.item === 0 && p.phase === 'start')
  if (!start) return tl.duration / 2
  return max(start.t0, start.t1 - BEFORE_MOVE_S)
}
