/**
 * Platform-free player controller: time is injected (tick(player, dtMs)), so the Taro component
 * is a thin shell (requestAnimationFrame → tick → samplePose → buildDrawList → renderDrawList) and
 * tests drive it without timers.
 */
import { SPEED_MAX, SPEED_MIN } from './constants'
import type { Timeline, TimelinePhase } from './timeline'
import { clamp, clamp01, min } from './math'

export interface Player {
  timeline: Timeline
  /** Timeline time (s at 1×). */
  time: number
  playing: boolean
  /** 0.25–1.5 (clamped). */
  speed: number
  loop: boolean
  /** True once a non-looping play reached the end (cleared by play / scrub / step). */
  ended: boolean
}

export function createPlayer (timeline: Timeline, opts: { speed?: number; loop?: boolean } = {}): Player {
  return { timeline, time: 0, playing: false, speed: clampSpeed(opts.speed ?? 1), loop: opts.loop === true, ended: false }
}

export function clampSpeed (s: number): number {
  return Number.isFinite(s) ? clamp(s, SPEED_MIN, SPEED_MAX) : 1
}

/** Starts playing; from the beginning when the previous play had ended. */
export function play (p: Player): Player {
  if (p.ended || p.time >= p.timeline.duration) { p.time = 0; p.ended = false }
  p.playing = true
  return p
}

export function pause (p: Player): Player {
  p.playing = false
  return p
}

export function setSpeed (p: Player, speed: number): Player {
  p.speed = clampSpeed(speed)
  return p
}

export function setLoop (p: Player, loop: boolean): Player {
  p.loop = loop
  return p
}

/** Advances by dtMs of wall time × speed. Returns the player. Negative / NaN dt is ignored. */
export function tick (p: Player, dtMs: number): Player {
  if (!p.playing || !(dtMs > 0)) return p
  const d = p.timeline.duration
  p.time += (dtMs / 1000) * p.speed
  if (p.time >= d) {
    if (p.loop && d > 0) p.time = p.time % d
    else { p.time = d; p.playing = false; p.ended = true }
  }
  return p
}

/** Jumps to a fraction (0..1) of the timeline; keeps the play state. */
export function scrub (p: Player, fraction: number): Player {
  p.time = (clamp01(fraction) || 0) * p.timeline.duration
  p.ended = false
  return p
}

/** Index of the last of `spans` started at `time` (the first before any starts; −1 when there are none). */
function lastStarted (spans: ReadonlyArray<{ t0: number }>, time: number): number {
  for (let i = spans.length - 1; i >= 0; i--) if (time >= spans[i].t0 - 1e-9) return i
  return spans.length > 0 ? 0 : -1
}

/** Index of the phase containing the current time (−1 when there are none). */
export function phaseIndex (p: Player): number {
  return lastStarted(p.timeline.phases, p.time)
}

export function currentPhase (p: Player): TimelinePhase | undefined {
  const i = phaseIndex(p)
  return i >= 0 ? p.timeline.phases[i] : undefined
}

/** Current Chinese phase label ('' when the timeline is empty). */
export function phaseLabel (p: Player): string {
  return currentPhase(p)?.label ?? ''
}

/** Index of the description step being signed (−1 when the timeline is empty). */
export function stepIndex (p: Player): number {
  return currentPhase(p)?.step ?? -1
}

/**
 * Steps to the start of the next (+1) or previous (−1) phase and pauses, so a learner can look at
 * each posture. Going back from inside a phase first returns to that phase's start.
 */
export function stepPhase (p: Player, dir: 1 | -1): Player {
  const ph = p.timeline.phases
  p.playing = false
  p.ended = false
  if (ph.length === 0) return p
  const i = phaseIndex(p)
  // Forward: the next phase (the last stays). Back: this phase's start once 50 ms into it, else the previous.
  p.time = ph[dir > 0 ? min(i + 1, ph.length - 1) : p.time - ph[i].t0 > 0.05 || i === 0 ? i : i - 1].t0
  return p
}

/** Index of the item (gloss chip) being signed, for highlighting in sentences. */
export function itemIndex (p: Player): number {
  return lastStarted(p.timeline.items, p.time)
}
