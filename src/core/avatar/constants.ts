import { PI } from './math'
/**
 * Avatar engine constants: one place, with unit and why (docs/avatar.md).
 * Avatar space: metres, right-handed; +x = the signer's LEFT (viewer's right in the front view),
 * +y up, +z forward (away from the signer, toward the viewer). The dominant hand is the RIGHT
 * hand, on the -x side; the left-handed view is a mirror at the camera.
 */

/** Minimum-jerk time warp s = 10t³−15t⁴+6t⁵ (Flash & Hogan 1985): bell-shaped velocity. */
export const EASE_MIN_JERK = 0
/** Linear time warp: circles run at constant speed (constant curvature, ⅔-power law). */
export const EASE_LINEAR = 1

/** Seconds. Transition between postures: clamp(base + perMetre·distance, min, max) (docs/avatar.md, timing). */
export const TRANSITION_BASE_S = 0.2
export const TRANSITION_PER_M_S = 0.5
export const TRANSITION_MIN_S = 0.25
export const TRANSITION_MAX_S = 0.6
/** s: a short hold on the start posture so a learner can read the handshape before it moves. */
export const START_HOLD_S = 0.2
/** s: hold after the last movement of a sign (Performs PEAKRELAX 0.5; learners complain of "too fast"). */
export const END_HOLD_S = 0.35
/** s: hold of a sign without movement (a letter, a number): long enough to read the handshape. */
export const STATIC_HOLD_S = 0.45
/** s: return from the last posture to rest. */
export const RETURN_TO_REST_S = 0.55
/** s: still rest before the first transition and after the return. */
export const REST_PAD_S = 0.25
/** s: movement durations at 1× (Performs' defaults, §1.3). */
export const LINE_BASE_S = 0.3
export const LINE_PER_M_S = 0.6
export const ARC_EXTRA_S = 0.05
export const CIRCLE_TURN_S = 0.55
export const ZIGZAG_S = 0.6
export const TWIST_S = 0.35
export const BEND_S = 0.4
export const WIGGLE_S = 0.8
/** s: one flex of single fingers (down and back), as long as a bend of the wrist. */
export const FLEX_S = 0.4
/** s: a thumb rub (捻动) and a tremble (抖动). */
export const RUB_S = 0.8
export const TRILL_S = 0.6
/** s: a squeeze of the arm against the body (夹一下: in and out again). */
export const SQUEEZE_S = 0.5
export const SHAPE_S = 0.3
export const TAP_S = 0.32
export const BRUSH_S = 0.35
export const ORIENT_S = 0.3
export const HOLD_DEFAULT_S = 0.3
/** s: the quick return stroke inserted between repetitions of a non-returning movement. */
export const REPEAT_RETURN_S = 0.2
/** Amplitude factor per repetition: later repetitions are smaller (Liddell & Johnson; SignCom mocap). */
export const REPEAT_DECAY = 0.85

/** m: movement sizes (HamNoSys/Performs small/medium/big). */
export const LINE_SIZE_M = { s: 0.06, m: 0.12, l: 0.2 } as const
export const CIRCLE_RADIUS_M = { s: 0.02, m: 0.05, l: 0.1 } as const
/**
 * m: a circle round the other hand (`circle(…,H)`, movements.ts aroundHand) keeps the two hands'
 * surfaces (bones at the drawn finger radius) this far apart; the issue allows 0.5 cm through
 * each other, and the offsets are tried on a grid (AROUND_STEP_M), so a little gap is kept.
 */
export const AROUND_GAP_M = 0.003
/** m: the grid step of the offsets tried round the other hand (±12 steps: up to 24 cm; finer cost compile time). */
export const AROUND_STEP_M = 0.02
/** m: offsets along the site's outward normal. */
export const DISTANCE_M = { touch: 0, close: 0.03, near: 0.1, far: 0.25 } as const
/**
 * Distances on the other hand (H.* sites) are at a hand's scale: `near` 5 cm (beside a finger or
 * tip: HAND_SITE_NEAR_M), `far` 12.5 cm from the spot (placement.ts handSiteAway), not the body's 10 / 25 cm.
 */
export const HAND_SITE_DISTANCE_SCALE = 0.5
/**
 * m: `near` a spot beside the other hand (a finger, a tip, the thumb: not the palm, back or heel)
 * is this far from it, about a finger's width of gap: the illustrations draw 标准's fingertips, 身份's
 * index, 指示 and 师傅 right beside the other hand (5 cm read as apart, a hand's width in the
 * sheets). `close` (1.5 cm) and `far` keep the hand's scale above.
 */
export const HAND_SITE_NEAR_M = 0.025
/** m: lateral offset of a space site for side i / c / m (c is smaller: reaching across is shorter). */
export const SPACE_SIDE_M: Readonly<Record<'i' | 'c' | 'm', number>> = { i: 0.1, c: -0.08, m: 0 }
/** m: default lateral offset of a space site written without a side (hands work in front of their own shoulder). */
export const SPACE_DEFAULT_SIDE_M = 0.07
/** m: arriving at or leaving a site on the other hand, the path bulges this far out along its normal. */
export const HAND_APPROACH_M = 0.05
/** m: a hand holding the other's wrist closes this far down the forearm from the wrist (life size). */
export const GRIP_BELOW_WRIST_M = 0.035
/** m: a tap lifts this far off a surface it already touches. */
export const TAP_LIFT_M = 0.045
/** m: forward bulge of a transition per metre travelled, so paths arc around the body. */
export const TRANSITION_BULGE_PER_M = 0.25
/** rad: wrist nod of bend(dir); forearm rotation of twist. */
export const BEND_RAD = 0.6
export const TWIST_RAD = PI / 2
/** rad: MCP amplitude of a finger wiggle (40°: big enough to see in the full view), and its cycles per wiggle. */
export const WIGGLE_RAD = 0.7
export const WIGGLE_CYCLES = 3
/** rad: knuckle bend of a flex (中指弯动): 70°, enough to read the finger going down at hand scale. */
export const FLEX_RAD = 1.2
/** rad: amplitude of the thumb's slide in a rub, and its cycles per rub. */
export const RUB_RAD = 0.35
export const RUB_CYCLES = 3
/** m: amplitude of a tremble (in place, across the hand), and its cycles: quick and small. */
export const TRILL_M = 0.008
export const TRILL_CYCLES = 6
/**
 * rad: how far a squeeze (夹) turns the whole arm in about the shoulder: 10°, the elbow comes in
 * about 5 cm. From a hanging arm (仇: @hip~close:palm) the sleeve then presses under 0.5 cm onto a
 * hand in the armpit (constructs.test.ts); much more and the upper arm goes through that hand.
 */
export const SQUEEZE_RAD = 0.17
/** Time factors of the manner modifiers: fast (迅速、用力) and slow (缓慢、轻轻). */
export const FAST_FACTOR = 0.6
export const SLOW_FACTOR = 1.6
/** Zig-zag / wave: cycles and amplitude as a fraction of the path length. */
export const ZIGZAG_CYCLES = 2
export const ZIGZAG_AMP = 0.18

/** Hands are drawn (and modelled) 1.2× life size: legibility of handshapes on a phone (§4.3 "hand emphasis"). */
export const HAND_EMPHASIS = 1.2
/**
 * The thumb web's corner on the palm outline (drawlist.ts, face-clear.ts silhouetteOf): this share
 * of the way from the thumb's MCP to the index's. It joins a thumb held out (L, 8, 美洲) to the
 * palm as a real hand's web does; without it the thumb's metacarpal read as a free finger.
 */
export const WEB_SHARE = 0.3

/** Non-manual envelopes (s): attack, release (Performs 0.25/0.25). */
export const NM_ATTACK_S = 0.25
export const NM_RELEASE_S = 0.25
/** rad: head nod / shake / tilt amplitudes; Hz of nod and shake. */
export const HEAD_NOD_RAD = 0.13
export const HEAD_SHAKE_RAD = 0.17
export const HEAD_TILT_RAD = 0.14
export const HEAD_NOD_HZ = 2.2
export const HEAD_SHAKE_HZ = 2.4
/** m: head forward for 疑问 (a question leans in). */
export const HEAD_FORWARD_M = 0.03

/** Blinks: every BLINK_MIN..BLINK_MAX s (seeded), each BLINK_S long. */
export const BLINK_MIN_S = 2
export const BLINK_MAX_S = 5.5
export const BLINK_S = 0.16
/** Breathing period (s) and chest rise (m). */
export const BREATH_PERIOD_S = 4.2
export const BREATH_M = 0.003
/** Ambient sway: torso (rad) and head (rad); subtle, so the avatar is never frozen. */
export const SWAY_TORSO_RAD = 0.012
export const SWAY_HEAD_RAD = 0.02
/** Default seed of the deterministic ambient layer. */
export const DEFAULT_SEED = 20181

/** IK: minimum elbow angle (rad), Performs clamps at 20°. */
export const ELBOW_MIN_RAD = (20 * PI) / 180
/** IK: wrist flexion/extension comfortable limit (rad) used to pick the elbow swivel. */
export const WRIST_MAX_RAD = (75 * PI) / 180
/** IK: elbow raise for targets above the head and forward swing for contralateral ones (weights). */
export const ELBOW_RAISE_HIGH = 0.9
export const ELBOW_RAISE_CONTRA = 1.1
/**
 * IK pole (docs/avatar.md, "Arm model"): the elbow hangs down, a little out (x, per unit down) and
 * a little behind the shoulder–wrist line (z), as a signer's does; the upper arm rises above
 * horizontal only for hands above the head.
 */
export const ELBOW_POLE_OUT = 0.3
export const ELBOW_POLE_BACK = -0.15
/** m: a wrist this far above the shoulder starts the above-the-head arm (elbow out and up). */
export const ELBOW_ABOVE_HEAD_M = 0.22
/** IK cost per m² of elbow height above the lowest elbow the target allows (against wrist bend, rad²). */
export const ELBOW_HEIGHT_COST = 25
/**
 * IK: the space in front of the face and neck that the elbow and forearm keep out of (a readable
 * face): |x| < FACE_ZONE_HALF_W (m), above FACE_ZONE_Y (m, below the chin), in front of FACE_ZONE_Z
 * (m); cost per m of depth into it (against wrist bend, rad²).
 */
export const FACE_ZONE_HALF_W = 0.13
export const FACE_ZONE_Y = 1.4
export const FACE_ZONE_Z = 0.02
export const ELBOW_FACE_COST = 12
/**
 * IK: the face-zone cost fades out as the wrist rises from FACE_ZONE_FADE_FROM_Y to
 * FACE_ZONE_FADE_TO_Y (m; chin to nose): a hand at the face is reached, as signers reach it, by a
 * forearm rising in front of the chin from a low elbow; keeping that forearm out of the zone only
 * lifted the elbow above the shoulder (电话 骂 科学).
 */
export const FACE_ZONE_FADE_FROM_Y = 1.5
export const FACE_ZONE_FADE_TO_Y = 1.58
/**
 * IK: m; the face-zone cost on the forearm comes back as the wrist rises over this height (the
 * forehead's top) to 4 cm above it: a hand on or over the head (博士 硕士's left hand flat on it)
 * is reached with the forearm beside the head, as the book draws it; faded out, the lowest elbow
 * won, in front of the chin, the forearm across the face.
 */
export const FACE_ZONE_ABOVE_Y = 1.7
/** IK: extra cost factor (× ELBOW_HEIGHT_COST) per m² of elbow above the shoulder: horizontal is the limit below the head. */
export const ELBOW_LIFTED_COST = 6
/**
 * A hand at a face site pivots about its contact point (placement.ts, pivotForLowElbow) so the
 * wrist comes down and forward to where the elbow can stay FACE_ELBOW_BELOW_M (m) below the
 * shoulder, as signers bring the hand to the face with a low elbow; at most FACE_PIVOT_MAX_RAD
 * (90°: a fist at the temple written fingers-forward stands up on the forearm, as 发明 is drawn),
 * in FACE_PIVOT_STEP_RAD steps, the smallest that suffices. The wrist is
 * turned toward FACE_PIVOT_TOWARD (own side x, y, z): below, in front of and a little outside the site.
 */
export const FACE_ELBOW_BELOW_M = 0.06
export const FACE_PIVOT_MAX_RAD = PI / 2
export const FACE_PIVOT_STEP_RAD = (5 * PI) / 180
export const FACE_PIVOT_TOWARD: readonly [number, number, number] = [0.3, -1, 0.5]
/**
 * The same for fingers pointing back at the site (习 会 昏迷 差点儿: bunched or flat fingers back to
 * the forehead): turned toward below-in-front the hand swung down over both eyes and the pivot was
 * refused, leaving the wrist 34 cm before the forehead and the elbow over the shoulder (the front
 * view drew the hand on top of the head). Toward the own side it lies over one eye at most.
 */
export const FACE_PIVOT_TOWARD_BACK: readonly [number, number, number] = [1.5, -1, 0.3]
/**
 * rad: a hand written over the eyes at the face's middle (曾 `covers: eyes` @forehead.m) leans its
 * wrist this far toward its own side about the contact: the forearm then rises across the cheek,
 * as the book draws it, not straight up over the nose and mouth.
 */
export const FACE_MID_TILT_RAD = (30 * PI) / 180
/** m: fingertips pointing up at the nose touch it this far below the nose tip, at the nostrils (placement.ts). */
export const NOSTRIL_BELOW_M = 0.02
/** m: how far a hand at a face site may slide down to keep below the top of the head (placement.ts keepBelowHeadTop). */
export const FACE_TOP_DROP_MAX_M = 0.05
/** How much more face-clear excess (share of an eye or the mouth beyond FACE_CLEAR_TARGET) a pivot or a drop may add (placement.ts). */
export const FACE_PIVOT_COVER_SLACK = 0.1
/** IK soft-minimum temperature (cost units): blends nearby swivels so the elbow never jumps. */
export const ELBOW_SOFTMIN = 0.01
/** m: the shoulder (clavicle) lifts this much for hands above the head, from SHOULDER_LIFT_FROM_M above the shoulder over SHOULDER_LIFT_SPAN_M. */
export const SHOULDER_LIFT_M = 0.06
export const SHOULDER_LIFT_FROM_M = 0.12
export const SHOULDER_LIFT_SPAN_M = 0.25

/**
 * Face stays readable (face-clear.ts): a hand hiding more than this share of the less hidden eye or
 * of the mouth (front view) slides beside or below its site, in steps of FACE_CLEAR_STEP_M (m), at
 * most FACE_CLEAR_MAX_M (m). The whole-dictionary test allows 30 % per drawn frame; the target is
 * lower because transitions and perspective add a little.
 */
export const FACE_CLEAR_TARGET = 0.1
export const FACE_CLEAR_STEP_M = 0.01
export const FACE_CLEAR_MAX_M = 0.08
/** m: sideways detours tried, smallest first, for a stroke that would sweep across the face (face-clear.ts). */
export const FACE_PATH_STEPS_M = [0.03, 0.06, 0.09, 0.12, 0.16] as const
/**
 * m: via points beside the face tried for a stroke a detour cannot clear (an approach from below to
 * the forehead), and the share of the stroke's time spent reaching the via point.
 */
export const FACE_VIA_STEPS_M = [0.06, 0.1, 0.14, 0.18, 0.24, 0.3] as const
export const FACE_VIA_SHARE = 0.7

/**
 * Trail (trail.ts): dots every TRAIL_SPACING_M along the path (m; wider on paths longer than
 * TRAIL_MAX_DOTS dots), no trail for paths shorter than TRAIL_MIN_M (m); the path is cut where it
 * turns back by more than acos(TRAIL_TURN_COS) (135°). Drawn dots have a radius of TRAIL_DOT_M (m at
 * the framed depth), the arrowhead is TRAIL_ARROW dot radii long.
 */
export const TRAIL_SPACING_M = 0.02
export const TRAIL_MAX_DOTS = 48
export const TRAIL_MIN_M = 0.025
export const TRAIL_TURN_COS = -0.7
export const TRAIL_DOT_M = 0.008
export const TRAIL_ARROW = 5

/** Player speed range (×): learners need slow motion; 1.5× for review. */
export const SPEED_MIN = 0.25
export const SPEED_MAX = 1.5

/** Chinese phase names shown by the player. */
export const PHASE_LABEL = { start: '手形 · 位置', move: '动作', end: '结束' } as const
