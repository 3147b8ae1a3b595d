/**
 * The avatar engine's whole API for the tests: what src/core/avatar/index.ts exported before the
 * engine bundle's second pass, re-exported from the module files. index.ts now exports only what
 * the app, the CLI and the scripts import (its export list is part of engine.bundle_kb,
 * docs/avatar.md "Bundle"); tests read constants and helpers straight from the modules here.
 */
export * from '../../../src/core/avatar/constants'
export { type Camera, type CameraOptions, type CameraView, createCamera, setCamera, project, scaleAt, aimFull, FULL_TARGET } from '../../../src/core/avatar/camera'
export {
  type DrawList, type Palette, type Theme, createDrawList, buildDrawList, PALETTE_LIGHT, PALETTE_DARK, PALETTES, DATA_STRIDE,
  PRIM_CHAIN, PRIM_ELLIPSE, PRIM_POLY, PRIM_RECT, PRIM_TAPER, PRIM_DOTS, C_TRAIL, C_TRAIL_HALO, OWNER_HAND_R, OWNER_HAND_L,
  OWNER_ARM_R, OWNER_ARM_L, OWNER_TRAIL, OWNER_BODY, C_EYE, C_LIPS, C_MOUTH
} from '../../../src/core/avatar/drawlist'
export {
  SHAPE_LEN, LANDMARKS, PALM_HALF_THICK, FINGER_RADIUS, bakeHandshape, bakeSpec, handLocalLandmarks, handWorldLandmarks, handshapeDistanceDeg,
  type HandshapeSpec
} from '../../../src/core/avatar/hand-model'
export { solveArm } from '../../../src/core/avatar/ik'
export { type Pose, createPose, samplePose, samplePlayerPose, handPartWorld, contactSiteWorld, contactPartWorld, torsoToWorld } from '../../../src/core/avatar/pose'
export { partPoint, extendedFingers } from '../../../src/core/avatar/hand-parts'
export { type Canvas2DLike, renderDrawList } from '../../../src/core/avatar/render'
export { keyFrameTime } from '../../../src/core/avatar/keyframe'
export {
  type Player, createPlayer, play, pause, setSpeed, setLoop, tick, scrub, stepPhase, phaseIndex, currentPhase,
  phaseLabel, stepIndex, itemIndex, clampSpeed
} from '../../../src/core/avatar/player'
export { SITE_GEO, type SiteKind, resolveBodySite, siteKind } from '../../../src/core/avatar/site-geometry'
export {
  type Timeline, type TimelineItem, type TimelinePhase, type ContactMarker, type CompileOptions, type PhaseKind,
  compileTimeline, handshapeSign, orientQuat, dirVec, transitionSeconds
} from '../../../src/core/avatar/timeline'
export * from '../../../src/core/avatar/skeleton'
export * from '../../../src/core/avatar/face-channels'
export * from '../../../src/core/avatar/segment'
export * from '../../../src/core/avatar/letters'
export { type Trail, type ViewAdvice, computeTrail, viewAdvice } from '../../../src/core/avatar/trail'
