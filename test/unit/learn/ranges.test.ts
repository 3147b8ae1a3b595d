/**
 * Every number of a progress state is range-checked when it arrives (storage or upload): a card
 * with an impossible time or memory value is refused alone, with its reason, so it never reaches
 * the scheduler (whose dates would turn into NaN) nor poisons the stored state. And compaction
 * never makes a state bigger.
 */
import {
  CARD_LOG_ACCEPT_MAX, CARD_LOG_MAX, TIME_MAX_MS, compactProgress, emptyProgress, gradeCard, parseProgress, type ProgressState
} from '../../../src/core/learn'
import { buildCard } from '../../../src/core/learn/schedule'
import { seededRng } from '../../../src/core/base'
import { DAY, T0 } from './fixture'

function withCards (): any {
  let s = emptyProgress()
  s = gradeCard(s, 'wo@s2w', 'good', T0)
  s = gradeCard(s, 'ni@s2w', 'good', T0)
  return JSON.parse(JSON.stringify(s))
}

describe('range checks on arrival', () => {
  it.each([
    ['a review time of 1e20', (c: any) => { c.log[0][0] = 1e20 }, /时间/],
    ['a review time past the year 2100', (c: any) => { c.log[0][0] = TIME_MAX_MS + 1 }, /时间/],
    ['a negative review time', (c: any) => { c.log[0][0] = -5 }, /时间/],
    ['a stability of 1e308', (c: any) => { c.s = 1e308 }, /记忆/],
    ['a difficulty of 11', (c: any) => { c.d = 11 }, /记忆/],
    ['a due date of 1e20', (c: any) => { c.due = 1e20 }, /时间/],
    ['a last review of 1e20', (c: any) => { c.last = 1e20 }, /时间/],
    ['a first review of 1e20', (c: any) => { c.first = 1e20 }, /时间/],
    ['a rep count of 1e15', (c: any) => { c.reps = 1e15 }, /次数/],
    ['scheduled days of 1e9', (c: any) => { c.sched = 1e9 }, /记忆/],
    ['a base folded up to 1e20', (c: any) => { c.base = { ...c, upTo: 1e20, n: 1 }; delete c.base.log; delete c.base.first; c.log = [] }, /时间/],
    ['a grade of 5', (c: any) => { c.log[0][1] = 5 }, /复习记录/]
  ])('%s: only that card is refused, with its reason', (_name, spoil, reason) => {
    const raw = withCards()
    spoil(raw.cards['wo@s2w'])
    const r = parseProgress(raw, T0)
    expect(Object.keys(r.state.cards)).toEqual(['ni@s2w'])
    expect(r.cardProblems).toEqual([{ id: 'wo@s2w', reason: expect.stringMatching(reason) }])
    expect(r.recovered).toHaveLength(1)
  })

  it(`a card with more than ${CARD_LOG_ACCEPT_MAX} reviews in its log is refused (bounded work per card)`, () => {
    const raw = withCards()
    raw.cards['wo@s2w'].log = Array.from({ length: CARD_LOG_ACCEPT_MAX + 1 }, (_, k) => [T0 + k * 60000, 3])
    const r = parseProgress(raw, T0)
    expect(r.state.cards['wo@s2w']).toBeUndefined()
    expect(r.cardProblems[0].reason).toMatch(String(CARD_LOG_ACCEPT_MAX))
  })

  it.each([
    ['favorites', (s: any) => { s.favorites.mama = { at: 1e20, on: true } }, '收藏'],
    ['history', (s: any) => { s.history = [{ id: 'wo', at: 1e20 }] }, '浏览'],
    ['the history clearing time', (s: any) => { s.historyClearedAt = 1e20 }, '浏览'],
    ['settings', (s: any) => { s.settings = { ...s.settings, at: 1e20 } }, '设置'],
    ['quizzes', (s: any) => { s.quizzes = [{ at: T0, kind: 's2w', total: 1e12, correct: 1 }] }, '测验'],
    ['activity', (s: any) => { s.activity = [1e20] }, '连续学习']
  ])('an impossible number in %s is refused and said so', (_n, spoil, word) => {
    const raw = withCards()
    spoil(raw)
    const r = parseProgress(raw, T0)
    expect(r.recovered.join()).toContain(word)
    expect(Object.keys(r.state.cards).sort()).toEqual(['ni@s2w', 'wo@s2w'])
    expect(JSON.stringify(r.state)).not.toContain('e+')
  })

  it('a fractional version is not a version: refused as unreadable, not as "from a newer app"', () => {
    const r = parseProgress({ ...withCards(), version: 1.5 }, T0)
    expect(r.state).toEqual(emptyProgress())
    expect(r.recovered[0]).not.toMatch(/更新版本/)
    expect(r.recovered[0]).toMatch(/无法读取/)
  })

  it('what the scheduler writes always passes the checks (a card reviewed up to the last allowed day)', () => {
    let s = emptyProgress()
    for (let k = 0; k < 30; k++) s = gradeCard(s, 'wo@s2w', 'easy', TIME_MAX_MS - (30 - k) * DAY)
    const r = parseProgress(JSON.parse(JSON.stringify(s)), T0)
    expect(r.cardProblems).toEqual([])
    expect(r.state).toEqual(s)
  })
})

describe('compaction never grows the state', () => {
  const size = (s: ProgressState): number => JSON.stringify(s).length

  it('a 1,000-card × 20-review learner compacts to no more than it was', () => {
    const s = emptyProgress()
    for (let c = 0; c < 1000; c++) {
      const log = Array.from({ length: 20 }, (_, r) => [T0 + c * 1000 + r * DAY, 3] as [number, 3])
      s.cards[`w${c}@s2w`] = buildCard(undefined, log, log[0][0], false)
    }
    const compact = compactProgress(s)
    expect(size(compact)).toBeLessThanOrEqual(size(s))
  })

  it('random cards with 0–40 reviews and with or without a base: each compacts to at most its size', () => {
    const rng = seededRng(14)
    for (let k = 0; k < 300; k++) {
      const n = 1 + Math.floor(rng() * 40)
      const log = Array.from({ length: n }, (_, r) => [T0 + r * DAY + Math.floor(rng() * 1000), 1 + Math.floor(rng() * 4)] as [number, 1 | 2 | 3 | 4])
      const folded = rng() < 0.5 ? buildCard(undefined, log.slice(0, 20), T0, true) : undefined
      const card = buildCard(folded?.base, log, T0, false)
      const s = emptyProgress()
      s.cards['wo@s2w'] = card
      const c = compactProgress(s)
      expect(size(c)).toBeLessThanOrEqual(size(s))
      // Nothing is lost: the schedule is the same as replaying everything.
      expect(c.cards['wo@s2w'].due).toBe(card.due)
    }
  })

  it('a card keeps folding once it has a base, so its log stays at most CARD_LOG_MAX', () => {
    let s = emptyProgress()
    for (let k = 0; k < 60; k++) s = gradeCard(s, 'wo@s2w', 'good', T0 + k * DAY)
    const c = s.cards['wo@s2w']
    expect(c.base).toBeDefined()
    expect(c.log.length).toBeLessThanOrEqual(CARD_LOG_MAX)
  })
})
