/** Non-manual features (face, head, gaze) → face events of the timeline. */
import { NM_ATTACK_S, NM_RELEASE_S } from './constants'
import {
  F_BROW_FURROW, F_BROW_RAISE, F_BROW_SAD, F_CHEEK_PUFF, F_EYE_OPEN, F_EYE_WIDE, F_GAZE_HAND, F_GAZE_Y,
  F_HEAD_FORWARD, F_HEAD_PITCH, F_HEAD_ROLL, F_HEAD_YAW, F_MOUTH_OPEN, F_MOUTH_PURSE, F_MOUTH_ROUND, F_MOUTH_SMILE,
  EV, EV_ATTACK, EV_CHANNEL, EV_HZ, EV_PHASE, EV_RELEASE, EV_T0, EV_T1, EV_VALUE
} from './face-channels'
import type { NonManual } from '../sign/types'

function pushEv (ev: number[], t0: number, t1: number, ch: number, value: number, hz = 0, phase = 0): void {
  const e = new Array<number>(EV)
  e[EV_T0] = t0; e[EV_T1] = t1; e[EV_CHANNEL] = ch; e[EV_VALUE] = value; e[EV_HZ] = hz
  e[EV_ATTACK] = NM_ATTACK_S; e[EV_RELEASE] = NM_RELEASE_S; e[EV_PHASE] = phase
  ev.push(...e)
}

export function faceEvents (ev: number[], f: NonManual, t0: number, t1: number): void {
  switch (f.expr) {
    case '疑问': pushEv(ev, t0, t1, F_BROW_RAISE, 1); pushEv(ev, t0, t1, F_HEAD_FORWARD, 1); pushEv(ev, t0, t1, F_HEAD_PITCH, -0.08); pushEv(ev, t0, t1, F_EYE_WIDE, 0.5); break
    case '高兴': pushEv(ev, t0, t1, F_MOUTH_SMILE, 1); pushEv(ev, t0, t1, F_BROW_RAISE, 0.35); pushEv(ev, t0, t1, F_MOUTH_OPEN, 0.15); break
    case '难过': pushEv(ev, t0, t1, F_MOUTH_SMILE, -0.9); pushEv(ev, t0, t1, F_BROW_SAD, 1); pushEv(ev, t0, t1, F_HEAD_PITCH, 0.1); pushEv(ev, t0, t1, F_EYE_OPEN, -0.2); break
    case '惊讶': pushEv(ev, t0, t1, F_BROW_RAISE, 1); pushEv(ev, t0, t1, F_MOUTH_OPEN, 0.75); pushEv(ev, t0, t1, F_MOUTH_ROUND, 0.5); pushEv(ev, t0, t1, F_EYE_WIDE, 1); break
    case '生气': pushEv(ev, t0, t1, F_BROW_FURROW, 1); pushEv(ev, t0, t1, F_MOUTH_SMILE, -0.5); pushEv(ev, t0, t1, F_EYE_OPEN, -0.15); break
    case '否定': pushEv(ev, t0, t1, F_HEAD_YAW, 0.17, 2.4); pushEv(ev, t0, t1, F_MOUTH_SMILE, -0.6); pushEv(ev, t0, t1, F_BROW_FURROW, 0.4); break
  }
  if (f.brows === 'raise') pushEv(ev, t0, t1, F_BROW_RAISE, 1)
  if (f.brows === 'furrow') pushEv(ev, t0, t1, F_BROW_FURROW, 1)
  if (f.head === 'nod') pushEv(ev, t0, t1, F_HEAD_PITCH, 0.13, 2.2)
  if (f.head === 'shake') pushEv(ev, t0, t1, F_HEAD_YAW, 0.17, 2.4)
  if (f.head === 'tilt') pushEv(ev, t0, t1, F_HEAD_ROLL, 0.14)
  switch (f.mouth) {
    case 'open': pushEv(ev, t0, t1, F_MOUTH_OPEN, 0.8); break
    case 'o': pushEv(ev, t0, t1, F_MOUTH_OPEN, 0.45); pushEv(ev, t0, t1, F_MOUTH_ROUND, 1); break
    case 'pursed': pushEv(ev, t0, t1, F_MOUTH_PURSE, 1); break
    case 'smile': pushEv(ev, t0, t1, F_MOUTH_SMILE, 1); break
    case 'frown': pushEv(ev, t0, t1, F_MOUTH_SMILE, -1); break
    case 'puff': pushEv(ev, t0, t1, F_CHEEK_PUFF, 1); pushEv(ev, t0, t1, F_MOUTH_PURSE, 0.6); break
  }
  switch (f.gaze) {
    case 'hand': pushEv(ev, t0, t1, F_GAZE_HAND, 1); break
    case 'up': pushEv(ev, t0, t1, F_GAZE_Y, 1); break
    case 'down': pushEv(ev, t0, t1, F_GAZE_Y, -1); break
  }
}

