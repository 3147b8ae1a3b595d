/**
 * Compile: parsed notation → one timeline (docs/avatar.md). Runs once per sign or sentence
 * (allocation is fine here); the per-frame sampler (pose.ts) only reads typed arrays.
 *
 * Per hand the timeline is a contiguous list of segments (segment.ts) covering [0, duration]. This
 * file sequences the items: start postures (placement.ts), movements (movements.ts), holds, the
 * return to rest, phases and steps, non-manuals (nonmanual.ts) and the seeded ambient layer.
 */
import { BLINK_MAX_S, BLINK_MIN_S, DEFAULT_SEED, END_HOLD_S, PHASE_LABEL, REST_PAD_S, RETURN_TO_REST_S, START_HOLD_S, STATIC_HOLD_S } from './constants'
import { EV, EV_CHANNEL, EV_HZ, EV_T0, EV_T1, EV_VALUE, SW_AMP, SW_AXES, SW_LEN } from './face-channels'
import { SHAPE_LEN, bakeHandshape } from './hand-model'
import { type Ctx, type HandCtx, holdUntil, newHand, restPosture, transitionTo, detach } from './hand-state'
import { copy3, vec3, PI, abs, floor, max, f32, f64 } from './math'
import { aroundHand, circleUV, compileMoves, cycleSeconds, firstCircle } from './movements'
import { type ClearSpan, clearFaceTracks } from './face-clear'
import { faceEvents } from './nonmanual'
import { orientQuat } from './orient'
import { type Placement, addContact, place } from './placement'
import { SEG } from './segment'
import { siteKind } from './site-geometry'
import type { CompileOptions, HandTrack, PhaseKind, Timeline, TimelineItem, TimelinePhase } from './timeline-types'
import { getHandshapeForm } from '../sign/handshape-forms'
import type { HandSpec, Movement, SignNotation } from '../sign/types'
import { NOTATION_VERSION } from '../sign/types'
import { seededRng } from '../base/rng'

export * from './timeline-types'
export { dirVec, orientQuat } from './orient'
export { transitionSeconds } from './hand-state'

interface HandPlan { spec: HandSpec | null; delayHalfCycle: boolean; dirSideX: number }

const plan = (spec: HandSpec | null, dirSideX: number, delayHalfCycle = false): HandPlan => ({ spec, delayHalfCycle, dirSideX })

function plansFor (sign: SignNotation): [HandPlan, HandPlan] {
  const { rel, dom, nondom } = sign
  // The left hand: none (one); its own line (base, two: the base hand's own movements play, 另一手随之;
  // 左手不动 is a base line without movements); the right hand's (chase, 交流: the left hand moves as
  // the right does, its circles turned half a turn, movements.ts); else its own line or the right
  // hand's mirrored (mirror, parallel, alternate: half a cycle late).
  const spec = rel === 'one' ? null : rel === 'chase' ? dom : rel === 'base' || rel === 'two' ? nondom || null : nondom || dom
  // Directions as the right hand's: a chase, and a parallel hand derived from the right hand.
  return [plan(dom, -1), plan(spec, rel === 'chase' || (rel === 'parallel' && !nondom) ? -1 : 1, rel === 'alternate')]
}

/** Takes the hand back to its rest posture from t; returns when it arrives there. */
function toRest (h: HandCtx, t: number): number {
  const P = vec3(); const Q = f64(4); const A = f32(SHAPE_LEN)
  restPosture(h, P, Q, A)
  h.atRest = true
  return transitionTo(h, t, P, Q, A, 0)
}

function refsOtherHand (spec: HandSpec | null): boolean {
  if (!spec) return false
  const k = siteKind(spec.loc.site)
  return k === 'hand' || k === 'arm'
}

/** s: the hand going onto the other hand sets off this long before that hand arrives, and leaves this long before it. */
const BASE_LEAD_S = 0.15

/** s: two events of the same channel and value this close together are held through (no dip). */
const FACE_BRIDGE_S = 0.6

/**
 * A face held over consecutive items (a question face over both parts of 什么时候, written once on
 * the compound) is one event, not a dip between the signs: events with the same channel, value and
 * frequency that follow each other closely are merged.
 */
function coalesceFaceEvents (ev: number[]): void {
  for (let a = 0; a < ev.length; a += EV) {
    for (let b = a + EV; b < ev.length; b += EV) {
      if (ev[a + EV_CHANNEL] !== ev[b + EV_CHANNEL] || ev[a + EV_VALUE] !== ev[b + EV_VALUE] || ev[a + EV_HZ] !== ev[b + EV_HZ]) continue
      if (ev[b + EV_T0] >= ev[a + EV_T0] && ev[b + EV_T0] - ev[a + EV_T1] <= FACE_BRIDGE_S) {
        // Event b is merged into a: a lasts to its end, b is removed (the next one moves to b).
        ev[a + EV_T1] = max(ev[a + EV_T1], ev[b + EV_T1])
        ev.splice(b, EV)
        b -= EV
      }
    }
  }
}

/**
 * Compiles several signs into one sequence: rest → item 0 → item 1 … → rest, with coarticulated
 * transitions (no return to rest between items), holds, repetitions, non-manuals and an ambient layer.
 */
export function compileTimeline (items: TimelineItem[], opts: CompileOptions = {}): Timeline {
  const hands: Ctx['hands'] = [newHand(0), newHand(1)]
  const leftX = opts.mirrored ? -1 : 1
  const ctx: Ctx = { hands, contacts: [], leftX }
  // (Defaults for absent options; CompileOptions' fields are never null.)
  const { letterHold = STATIC_HOLD_S, seed = DEFAULT_SEED } = opts
  const phases: TimelinePhase[] = []
  const itemSpans: Array<{ t0: number; t1: number; label: string }> = []
  const ev: number[] = []
  let t = REST_PAD_S
  let stepOffset = 0
  const clearSpans: ClearSpan[] = []
  for (let i = 0; i < items.length; i++) {
    const { sign, label, steps } = items[i]
    ctx.covers = sign.covers
    const nSteps = max(1, floor(steps || 1))
    const tItem0 = i === 0 ? 0 : t
    const plans = plansFor(sign)
    const twoHands = ctx.twoHands = plans[1].spec !== null
    ctx.mirror = sign.rel === 'mirror' && sign.nondom === undefined
    const chase = ctx.chase = sign.rel === 'chase'
    // A hand left on the other hand by the last item stays where it is while the other moves on.
    if (hands[0].anchor > 0) detach(hands[0], hands[1], t)
    // Order: a hand whose location is on the other hand goes second (and a chasing left hand, which
    // starts from where the right hand is).
    const on0 = refsOtherHand(plans[0].spec); const on1 = refsOtherHand(plans[1].spec)
    ctx.onHand = on0 || on1
    const order: Array<0 | 1> = !chase && (on0 || !on1) ? [1, 0] : [0, 1]
    // Start phase: transitions to the start postures.
    let tStartEnd = t
    const startPl: Array<Placement | null> = [null, null]
    const tIn: [number, number] = [NaN, NaN]
    /** When the hand placed first has (almost) arrived: the hand that goes onto it sets off then. */
    let tFirstSet = t
    for (const hi of order) {
      const h = hands[hi]
      const { spec, dirSideX } = plans[hi]
      h.dirSideX = dirSideX
      if (!spec) {
        if (!h.atRest) {
          holdUntil(h, t)
          tStartEnd = max(tStartEnd, toRest(h, t))
          h.loc = null
        }
        continue
      }
      // A chasing left hand moves as the right does but is its mirror image (fingertips facing).
      const Q = orientQuat(spec.orient, chase ? h.locSideX : h.dirSideX, f64(4), leftX)
      const A = f32(bakeHandshape(spec.handshape))
      const m0 = spec.moves[0]
      ctx.round = !!m0 && m0.kind === 'circle' && m0.plane === 'v'
      // A circle round the other hand (`circle(…,H)`): the contact part is put on the site, then the
      // circle is sized and centred round the other hand (aroundHand).
      const around = hi === 0 && m0 ? firstCircle([m0]) : undefined
      const pl = place(ctx, h, spec.loc, Q, A, !!around?.round)
      if (around?.round) aroundHand(ctx, h, around, Q, A, pl)
      const circle = chase && hi === 1 ? firstCircle(spec.moves) : undefined
      if (circle) {
        // Chase: the left hand starts across the right hand's first circle from it (centre − u).
        const u = vec3(); circleUV(ctx, circle, -1, 1, u, vec3())
        for (let j = 0; j < 3; j++) pl.P[j] = hands[0].P[j] - 2 * u[j]
      }
      // A hand going onto the other hand waits until that hand is nearly in place, as signers set
      // the base hand first: the two do not cross each other's path on the way.
      const onHand = pl.kind === 'hand'
      const tGo = onHand ? max(t, tFirstSet - BASE_LEAD_S) : t
      holdUntil(h, tGo)
      // A dominant hand at a site on the other hand moves with it (anchor): the other hand, placed
      // first, may itself still be arriving, or move later (rel: base with movements).
      const other = hands[1 - hi]
      const anchored = hi === 0 && onHand
      // Hold the new posture in the hand state before the other hand resolves H.* sites on it.
      const tEnd = transitionTo(h, tGo, pl.P, Q, A, pl.head, anchored ? 1 : 0, anchored ? { P: other.P, Q: other.Q } : undefined, onHand ? pl.n : undefined)
      tIn[hi] = tEnd
      tStartEnd = max(tStartEnd, tEnd)
      tFirstSet = max(tFirstSet, tEnd)
      h.loc = spec.loc
      copy3(h.siteN, pl.n)
      h.atRest = false
      startPl[hi] = pl
    }
    for (const hi of [0, 1] as const) {
      const pl = startPl[hi]
      const spec = plans[hi].spec
      if (pl && spec) addContact(ctx, hands[hi], tStartEnd, spec.loc, pl)
    }
    const tMove0 = tStartEnd + START_HOLD_S
    // Move phase.
    let tMove1 = tMove0
    let hasMoves = false
    for (const hi of order) {
      const h = hands[hi]
      const { spec, delayHalfCycle } = plans[hi]
      if (!spec || spec.moves.length === 0) continue
      hasMoves = true
      const tGo = tMove0 + (delayHalfCycle ? cycleSeconds(spec.moves) / 2 : 0)
      holdUntil(h, tGo)
      tMove1 = max(tMove1, compileMoves(ctx, h, spec.moves, tGo, 1))
    }
    const last = i === items.length - 1
    const hold = hasMoves ? (last ? END_HOLD_S : END_HOLD_S * 0.6) : letterHold
    let tItem1 = tMove1 + hold
    if (last) {
      // Return to rest; a hand on the other hand leaves first, and the other follows a moment later.
      let tBack = tItem1
      const loc0 = hands[0].loc
      const leavesFirst = !!loc0 && loc0.site.startsWith('H.')
      for (const h of hands) {
        const tLeave = leavesFirst && h.idx === 1 ? tItem1 + BASE_LEAD_S : tItem1
        holdUntil(h, tLeave)
        if (!h.atRest) tBack = max(tBack, toRest(h, tLeave))
      }
      tItem1 = max(tBack, tItem1 + RETURN_TO_REST_S * 0.5) + REST_PAD_S
    }
    // Non-manuals span the item from the start of its transition to the end of its hold.
    faceEvents(ev, sign.face, t, tMove1 + hold * 0.5, leftX)
    // Phases.
    const phase = (t0: number, t1: number, kind: PhaseKind, step: number): void => { phases.push({ t0, t1, item: i, phase: kind, step, label: PHASE_LABEL[kind] }) }
    phase(tItem0, tMove0, 'start', stepOffset)
    if (tMove1 > tMove0) {
      const parts = max(1, nSteps - 1)
      for (let p = 0; p < parts; p++) {
        phase(tMove0 + (tMove1 - tMove0) * p / parts, tMove0 + (tMove1 - tMove0) * (p + 1) / parts, 'move', stepOffset + (nSteps > 1 ? 1 + p : 0))
      }
    }
    phase(tMove1, tItem1, 'end', stepOffset + nSteps - 1)
    itemSpans.push({ t0: tItem0, t1: tItem1, label })
    const [p0, p1] = startPl
    clearSpans.push({
      t0: tItem0,
      t1: tItem1,
      tBody1: tMove1 + hold,
      tIn,
      covers: sign.covers,
      armFree: sign.covers === 'eyes' && plans[0].spec?.loc.side === 'm',
      twoHands,
      linked: !!p0 && p0.kind === 'hand' && (!p1 || p1.kind === 'space'),
      // Per hand ('' / false / 0 for a hand at rest).
      kind: startPl.map(p => p ? p.kind : '') as [string, string],
      touch: startPl.map(p => !!p && p.touch) as [boolean, boolean],
      siteY: startPl.map(p => p ? p.site[1] : 0) as [number, number]
    })
    stepOffset += nSteps
    t = tItem1
  }
  coalesceFaceEvents(ev)
  const duration = items.length === 0 ? REST_PAD_S * 2 : t
  for (const h of hands) holdUntil(h, duration + 1e-6)
  const rng = seededRng(seed)
  // Blinks: seeded intervals, plus one shortly after each sign boundary (where people blink).
  const blinks: number[] = []
  for (let tb = 0.6 + rng() * 1.5; tb < duration; tb += BLINK_MIN_S + rng() * (BLINK_MAX_S - BLINK_MIN_S)) blinks.push(tb)
  for (let i = 1; i < itemSpans.length; i++) {
    const tb = itemSpans[i].t0 + 0.05
    if (!blinks.some(b => abs(b - tb) < 1)) blinks.push(tb)
  }
  blinks.sort((a, b) => a - b)
  const sway = f64(SW_LEN)
  for (let i = 0; i < SW_AXES; i++) { sway[2 * i] = 0.12 + rng() * 0.2; sway[2 * i + 1] = rng() * PI * 2 }
  if (opts.ambient === false) blinks.length = 0
  else sway[SW_AMP] = 1
  const tracks = hands.map(h => ({ isRight: h.isRight, chir: h.chir, seg: f64(h.segs), count: h.segs.length / SEG })) as [HandTrack, HandTrack]
  // Paths and held postures that would hide the eyes or mouth move beside or below (face-clear.ts).
  clearFaceTracks(hands, tracks, clearSpans, ctx.contacts, duration, ev)
  return {
    version: 1,
    duration,
    phases,
    items: itemSpans,
    contacts: ctx.contacts.sort((a, b) => a.t - b.t),
    hands: tracks,
    face: f64(ev),
    faceCount: ev.length / EV,
    blinks: f64(blinks),
    sway
  }
}

/**
 * A one-handed sign showing a handshape in its default orientation at neutral space (letters and
 * numbers; a letter's own movement is passed as `moves`). Used for fingerspelling and the chart.
 */
export function handshapeSign (id: string, moves: Movement[] = []): SignNotation {
  const def = getHandshapeForm(id)
  const orient = (def && def.defaultOrient) || { finger: 'u', palm: 'f' }
  return {
    version: NOTATION_VERSION,
    rel: 'one',
    dom: { handshape: id, orient: { finger: orient.finger, palm: orient.palm }, loc: { site: 'neutral', side: 'i' }, moves },
    face: {}
  }
}


