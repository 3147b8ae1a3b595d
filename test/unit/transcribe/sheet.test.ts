/**
 * Review sheets frame the avatar as the player does: a hand at the waist (中国's end) or in front
 * of the belly is in the picture. At 210 px and zoom 1.35 the sheet cut at y 1.06 m, and the
 * review saw 号码's hands "low at the frame edge" and 中国's end out of the frame (issue 12).
 */
import { SHEET_FRAME, keyTimes } from '../../../scripts/transcribe/sheet'
import { createCamera, createPose, project, samplePose, setCamera } from '../avatar/engine'
import { tl1 } from '../avatar/fixtures'
import type { NotationSource } from '../../../src/core/sign/dictionary'

test.each([
  ['中国 (national 6431): down the gown to the waist', { dom: 'index f:dc p:b @throat~close ; to(chest.i~close) to(waist.i~close)' }],
  ['号码 (national 2141): fingers into the 匚', { rel: 'base', dom: 'open f:u p:b @H.inside ; line(i)+wiggle', nondom: 'pinch_open f:c p:b @neutral.c' }]
] as Array<[string, NotationSource]>)('%s: every joint of the hands is inside the sheet frame, as in the player', (_name, src) => {
  const t = tl1(src, { ambient: false })
  const pose = createPose()
  const sheet = setCamera(createCamera(), SHEET_FRAME)
  const player = setCamera(createCamera(), { view: 'front', mirror: false, closeUp: false, width: 300, height: 315 })
  const xy = new Float32Array(2); const p = new Float64Array(3); const depth = new Float64Array(1)
  for (const time of keyTimes(t)) {
    samplePose(t, time, pose)
    for (const cam of [sheet, player]) {
      for (const h of src.rel === undefined ? [0] : [0, 1]) {
        for (let j = 0; j < 21; j++) {
          for (let k = 0; k < 3; k++) p[k] = pose.hands[h][j * 3 + k]
          project(cam, p, 0, xy, 0, depth, 0)
          expect(xy[1]).toBeLessThan(cam.height)
          expect(xy[0]).toBeGreaterThan(0)
          expect(xy[0]).toBeLessThan(cam.width)
        }
      }
    }
  }
})
