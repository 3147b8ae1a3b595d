/** Signing-avatar engine: notation → timeline → pose → camera → draw list → canvas (docs/avatar.md). */
export * from './constants'
export { type Camera, type CameraOptions, type CameraView, createCamera, setCamera, project, scaleAt } from './camera'
export {
  type DrawList, createDrawList, buildDrawList, PALETTE, DATA_STRIDE, PRIM_CHAIN, PRIM_ELLIPSE, PRIM_POLY, PRIM_RECT,
  PRIM_TAPER, PRIM_DOTS, C_TRAIL, C_TRAIL_HALO, OWNER_HAND_R, OWNER_HAND_L, OWNER_ARM_R, OWNER_ARM_L, OWNER_TRAIL, OWNER_BODY, C_EYE, C_LIPS, C_MOUTH
} from './drawlist'
export {
  SHAPE_LEN, LANDMARKS, PALM_HALF_THICK, FINGER_RADIUS, bakeHandshape, bakeSpec, handLocalLandmarks, handWorldLandmarks, handshapeDistanceDeg,
  type HandshapeSpec
} from './hand-model'
export { solveArm } from './ik'
export { type Pose, createPose, samplePose, samplePlayerPose, handPartWorld, contactSiteWorld, contactPartWorld, torsoToWorld } from './pose'
export { partPoint, extendedFingers } from './hand-parts'
export { type Canvas2DLike, renderDrawList } from './render'
export {
  type Player, createPlayer, play, pause, setSpeed, setLoop, tick, scrub, stepPhase, phaseIndex, currentPhase,
  phaseLabel, stepIndex, itemIndex, clampSpeed
} from './player'
export { SITE_GEO, type SiteKind, resolveBodySite, siteKind } from './site-geometry'
export {
  type Timeline, type TimelineItem, type TimelinePhase, type ContactMarker, type CompileOptions, type PhaseKind,
  compileTimeline, handshapeSign, orientQuat, dirVec, transitionSeconds
} from './timeline'
export * from './skeleton'
export * from './face-channels'
export * from './segment'
export * from './letters'
export { type Trail, type ViewAdvice, computeTrail, viewAdvice, preferredView } from './trail'
