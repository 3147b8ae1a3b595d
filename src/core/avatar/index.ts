/** Signing-avatar engine: notation → timeline → pose → camera → draw list → canvas (docs/avatar.md). */
export * from './constants'
export { type Camera, type CameraOptions, type CameraView, createCamera, setCamera, project, scaleAt } from './camera'
export {
  type DrawList, type Palette, type Theme, createDrawList, buildDrawList, PALETTE_LIGHT, PALETTE_DARK, PALETTES, DATA_STRIDE, PRIM_CHAIN,
  PRIM_ELLIPSE, PRIM_POLY, PRIM_RECT
} from './drawlist'
export {
  SHAPE_LEN, LANDMARKS, bakeHandshape, bakeSpec, handLocalLandmarks, handWorldLandmarks, handshapeDistanceDeg,
  type HandshapeSpec
} from './hand-model'
export { solveArm } from './ik'
export { type Pose, createPose, samplePose, handPartWorld, contactSiteWorld, torsoToWorld } from './pose'
export { type Canvas2DLike, renderDrawList } from './render'
export { keyFrameTime } from './keyframe'
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
export * from './letters'
