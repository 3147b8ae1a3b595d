import {
  createPlayer, play, pause, setSpeed, setLoop, tick, scrub, stepPhase, phaseIndex, phaseLabel, stepIndex, itemIndex,
  SPEED_MAX, SPEED_MIN, compileTimeline
} from './engine'
import { SIGNS, item } from './fixtures'

const tl = compileTimeline([item(SIGNS.xiexie, '谢谢', 2), item(SIGNS.chinTap, '我', 1)])

describe('player', () => {
  test('speed is clamped to 0.25–1.5 and scales time; NaN keeps 1×', () => {
    const p = createPlayer(tl)
    expect(setSpeed(p, 10).speed).toBe(SPEED_MAX)
    expect(setSpeed(p, 0.01).speed).toBe(SPEED_MIN)
    expect(setSpeed(p, Number.NaN).speed).toBe(1)
    setSpeed(p, 0.5); play(p); tick(p, 1000)
    expect(p.time).toBeCloseTo(0.5, 9)
  })

  test('does not advance while paused; ignores negative and NaN dt', () => {
    const p = createPlayer(tl)
    tick(p, 500); expect(p.time).toBe(0)
    play(p); tick(p, -100); tick(p, Number.NaN); expect(p.time).toBe(0)
    tick(p, 100); pause(p); tick(p, 100)
    expect(p.time).toBeCloseTo(0.1, 9)
  })

  test('without loop it stops at the end and reports ended; play restarts from 0', () => {
    const p = play(createPlayer(tl))
    tick(p, tl.duration * 1000 + 500)
    expect(p.time).toBe(tl.duration)
    expect(p.ended).toBe(true)
    expect(p.playing).toBe(false)
    play(p)
    expect(p.time).toBe(0)
    expect(p.ended).toBe(false)
  })

  test('with loop it wraps around and never ends', () => {
    const p = play(setLoop(createPlayer(tl), true))
    tick(p, (tl.duration + 0.3) * 1000)
    expect(p.ended).toBe(false)
    expect(p.playing).toBe(true)
    expect(p.time).toBeCloseTo(0.3, 6)
  })

  test('scrub jumps to a fraction (clamped) and clears ended', () => {
    const p = play(createPlayer(tl))
    tick(p, 1e6)
    scrub(p, 0.5)
    expect(p.time).toBeCloseTo(tl.duration / 2, 9)
    expect(p.ended).toBe(false)
    expect(scrub(p, 7).time).toBe(tl.duration)
    expect(scrub(p, -1).time).toBe(0)
  })

  test('stepPhase walks through the phase starts (pausing), labels and steps follow', () => {
    const p = play(createPlayer(tl))
    const seen: Array<[string, number, number]> = []
    for (let i = 0; i < tl.phases.length; i++) {
      seen.push([phaseLabel(p), stepIndex(p), itemIndex(p)])
      stepPhase(p, 1)
      expect(p.playing).toBe(false)
    }
    expect(seen).toEqual([['手形 · 位置', 0, 0], ['动作', 1, 0], ['结束', 1, 0], ['手形 · 位置', 2, 1], ['动作', 2, 1], ['结束', 2, 1]])
    // At the last phase, +1 stays there; −1 goes back one phase at a time.
    expect(phaseIndex(p)).toBe(tl.phases.length - 1)
    stepPhase(p, -1)
    expect(phaseIndex(p)).toBe(tl.phases.length - 2)
    // From inside a phase, −1 first returns to that phase's start.
    p.time = (tl.phases[1].t0 + tl.phases[1].t1) / 2
    stepPhase(p, -1)
    expect(p.time).toBe(tl.phases[1].t0)
    stepPhase(p, -1); stepPhase(p, -1)
    expect(p.time).toBe(0)
  })
})
