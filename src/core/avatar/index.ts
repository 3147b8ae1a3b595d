/**
 * Signing-avatar engine: notation → timeline → pose → camera → draw list → canvas (docs/avatar.md).
 *
 * Exports what the app (services, components, pages), the CLI and the scripts import, plus every
 * type. The tests read the engine's constants and helpers from the module files
 * (test/unit/avatar/engine.ts): esbuild's export list of ~150 names was ≈ 5 KB of the engine's
 * bundle (scripts/bench/engine.ts engine.bundle_kb, docs/avatar.md "Bundle"). A name the app newly
 * needs is added here.
 */
export { LEARNER_LETTER_HOLD_S, type LetterItemsResult, letterItem, letterItems, letterLabel } from './letters'
export { type Camera, type CameraOptions, type CameraView, createCamera, setCamera, project, aimFull } from './camera'
export { type DrawList, type Palette, type Theme, createDrawList, buildDrawList, PALETTES } from './drawlist'
export type { HandshapeSpec } from './hand-model'
export { type Pose, createPose, samplePose, samplePlayerPose, handPartWorld } from './pose'
export { type Canvas2DLike, renderDrawList } from './render'
export { keyFrameTime } from './keyframe'
export {
  type Player, createPlayer, play, pause, setSpeed, setLoop, tick, scrub, stepPhase, currentPhase, itemIndex
} from './player'
export type { SiteKind } from './site-geometry'
export {
  type Timeline, type TimelineItem, type TimelinePhase, type ContactMarker, type CompileOptions, type PhaseKind,
  compileTimeline, handshapeSign
} from './timeline'
export { type Trail, type ViewAdvice, computeTrail, viewAdvice } from './trail'
