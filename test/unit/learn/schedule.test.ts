import { createEmptyCard, fsrs, type Card, type Grade } from 'ts-fsrs'
import {
  CARD_LOG_MAX, cardId, compactProgress, dueCards, emptyProgress, gradeCard, LearnError, planToday, previewGrades,
  replaySnapshot, reviewCount, setFavorite, starterDeck, updateSettings, type GradeName, type ProgressState
} from '../../../src/core/learn'
import { DAY, HEADERS, HOUR, T0 } from './fixture'

const MIN = 60 * 1000
const G: Record<GradeName, Grade> = { again: 1, hard: 2, good: 3, easy: 4 }

function days (ms: number): number { return Math.round(ms / DAY) }

describe('gradeCard follows FSRS', () => {
  it('gives the same schedule as ts-fsrs for a sequence of grades, each reviewed when due', () => {
    const f = fsrs({ enable_fuzz: false })
    const seq: GradeName[] = ['good', 'good', 'good', 'hard', 'again', 'good', 'easy', 'good']
    let ref: Card = createEmptyCard(new Date(T0))
    let state = emptyProgress()
    const id = cardId('xiexie', 's2w')
    let now = T0
    for (const g of seq) {
      ref = f.next(ref, new Date(now), G[g]).card
      state = gradeCard(state, id, g, now)
      const c = state.cards[id]
      expect(c.due).toBe(ref.due.getTime())
      expect(c.s).toBeCloseTo(ref.stability, 10)
      expect(c.d).toBeCloseTo(ref.difficulty, 10)
      expect(c.state).toBe(ref.state)
      expect(c.reps).toBe(ref.reps)
      expect(c.lapses).toBe(ref.lapses)
      now = c.due
    }
  })

  it('good → good → good: the learner sees the sign again after growing gaps; again brings it back within minutes', () => {
    const id = cardId('nihao', 'w2s')
    let s = gradeCard(emptyProgress(), id, 'good', T0) // first view: a 10-minute learning step
    expect(s.cards[id].due - T0).toBe(10 * MIN)
    let now = s.cards[id].due
    const gaps: number[] = []
    for (let i = 0; i < 4; i++) {
      s = gradeCard(s, id, 'good', now)
      gaps.push(days(s.cards[id].due - now))
      now = s.cards[id].due
    }
    expect(gaps[0]).toBeGreaterThanOrEqual(1)
    for (let i = 1; i < gaps.length; i++) expect(gaps[i]).toBeGreaterThan(gaps[i - 1])
    const beforeLapse = s.cards[id]
    s = gradeCard(s, id, 'again', now)
    expect(s.cards[id].due - now).toBeLessThanOrEqual(10 * MIN)
    expect(s.cards[id].lapses).toBe(beforeLapse.lapses + 1)
    expect(s.cards[id].s).toBeLessThan(beforeLapse.s)
  })

  it('golden: the gaps a learner sees with default FSRS-6 (good ×4, again, good ×2), each reviewed when due', () => {
    const id = cardId('xiexie', 's2w')
    let s = emptyProgress()
    let now = T0
    const gaps: string[] = []
    for (const g of ['good', 'good', 'good', 'good', 'again', 'good', 'good'] as GradeName[]) {
      s = gradeCard(s, id, g, now)
      const gap = s.cards[id].due - now
      gaps.push(gap < DAY ? `${gap / MIN}m` : `${days(gap)}d`)
      now = s.cards[id].due
    }
    // 10-minute learning step, then 2, 11, 46 days; a lapse relearns in 10 minutes, then 3, 8 days.
    expect(gaps).toEqual(['10m', '2d', '11d', '46d', '10m', '3d', '8d'])
  })

  it('does not change the input state and rejects bad grades, card ids and times', () => {
    const s = emptyProgress()
    gradeCard(s, cardId('wo', 's2w'), 'good', T0)
    expect(s.cards).toEqual({})
    expect(() => gradeCard(s, 'wo', 'good', T0)).toThrow(LearnError)
    expect(() => gradeCard(s, cardId('wo', 's2w'), 'great' as GradeName, T0)).toThrow('无效的评分')
    expect(() => gradeCard(s, cardId('wo', 's2w'), 'good', NaN)).toThrow('无效的时间')
  })

  it('previewGrades matches what grading would do', () => {
    const id = cardId('wo', 's2w')
    let s = gradeCard(emptyProgress(), id, 'good', T0)
    const now = s.cards[id].due + HOUR
    const p = previewGrades(s, id, now)
    for (const g of ['again', 'hard', 'good', 'easy'] as GradeName[]) {
      expect(gradeCard(s, id, g, now).cards[id].due).toBe(p[g])
    }
    expect(p.again).toBeLessThan(p.hard)
    expect(p.good).toBeLessThan(p.easy)
    s = emptyProgress()
    expect(previewGrades(s, id, T0).good).toBe(T0 + 10 * MIN)
  })

  it('folds old reviews into a base without changing the schedule, keeping the count', () => {
    const id = cardId('chi', 's2w')
    let s = emptyProgress()
    let now = T0
    const grades: GradeName[] = []
    // Enough reviews for a first base to pay for itself (it costs about eight reviews' bytes).
    for (let i = 0; i < CARD_LOG_MAX + 20; i++) grades.push(i % 6 === 5 ? 'again' : 'good')
    const f = fsrs({ enable_fuzz: false })
    let ref: Card = createEmptyCard(new Date(T0))
    for (const g of grades) {
      s = gradeCard(s, id, g, now)
      ref = f.next(ref, new Date(now), G[g]).card
      now = s.cards[id].due + HOUR
    }
    const c = s.cards[id]
    expect(c.log.length).toBe(CARD_LOG_MAX)
    expect(c.base?.n).toBe(20)
    expect(reviewCount(c)).toBe(grades.length)
    expect(c.due).toBe(ref.due.getTime())
    expect(c.first).toBe(T0)
    expect(replaySnapshot(c.base, c.log).due).toBe(c.due)
  })

  it('a clock that went back keeps the review (ordered into the log, schedule replayed)', () => {
    const id = cardId('he', 's2w')
    let s = gradeCard(emptyProgress(), id, 'good', T0 + DAY)
    s = gradeCard(s, id, 'again', T0) // device clock behind
    expect(s.cards[id].log.map(r => r[0])).toEqual([T0, T0 + DAY])
    expect(s.cards[id].due).toBe(replaySnapshot(undefined, [[T0, 1], [T0 + DAY, 3]]).due)
  })

  it('compactProgress bounds logs that grew through merges', () => {
    const id = cardId('fan', 's2w')
    let s = emptyProgress()
    for (let i = 0; i < 20; i++) s = gradeCard(s, id, 'good', T0 + i * DAY)
    // a merged card can hold more than CARD_LOG_MAX reviews: simulate by rebuilding without folding
    const long: ProgressState = { ...s, cards: { [id]: { ...s.cards[id], log: [...s.cards[id].log] } } }
    expect(compactProgress(long)).toBe(long)
    const c = { ...s.cards[id], base: undefined, log: Array.from({ length: 30 }, (_, i) => [T0 + i * DAY, 3] as [number, 3]) }
    delete c.base
    const grown: ProgressState = { ...s, cards: { [id]: c } }
    const compact = compactProgress(grown)
    expect(compact.cards[id].log.length).toBe(CARD_LOG_MAX)
    expect(reviewCount(compact.cards[id])).toBe(30)
    expect(compact.cards[id].due).toBe(replaySnapshot(undefined, c.log).due)
  })
})

describe('a learner following the 入门 deck for several days', () => {
  it('gets the daily goal of new signs, and each review comes back on the day FSRS scheduled it', () => {
    let s = updateSettings(emptyProgress(), { dailyNew: 5, deck: 'starter', directions: 's2w' }, T0)
    const starter = starterDeck(HEADERS)
    const scheduledFor = new Map<string, number>() // card → due time when last graded
    const seenNew: string[] = []
    for (let day = 0; day < 8; day++) {
      const morning = T0 + day * DAY
      let now = morning
      const plan = planToday(s, 'starter', HEADERS, now)
      // Every card due today is offered, and no card before its due time.
      for (const id of plan.reviews) expect(s.cards[id].due).toBeLessThanOrEqual(now)
      for (const [id, due] of scheduledFor) {
        if (due <= now) expect(plan.reviews).toContain(id)
        else expect(plan.reviews).not.toContain(id)
      }
      expect(plan.newEntries.length).toBe(5)
      seenNew.push(...plan.newEntries)
      // The learner answers: the first sign of each day is forgotten once, the rest are good.
      const session = [...plan.reviews, ...plan.newCards]
      session.forEach((id, i) => {
        now += MIN
        s = gradeCard(s, id, i === 0 ? 'again' : 'good', now)
        scheduledFor.set(id, s.cards[id].due)
      })
      // Learning steps come back within the same session until none is due before tomorrow's plan.
      for (let guard = 0; guard < 50; guard++) {
        now += 11 * MIN
        const due = dueCards(s, now)
        if (due.length === 0) break
        for (const id of due) { s = gradeCard(s, id, 'good', now); scheduledFor.set(id, s.cards[id].due) }
      }
      // Later the same day, nothing new is offered: the goal is met.
      expect(planToday(s, 'starter', HEADERS, now).newEntries).toEqual([])
    }
    // The deck was followed in order without repeats.
    expect(seenNew).toEqual(starter.slice(0, 40))
    // A sign learned on day 0 and always recalled has gaps of several days by day 8.
    const firstGood = cardId(starter[1], 's2w')
    expect(s.cards[firstGood].due - (s.cards[firstGood].last ?? 0)).toBeGreaterThan(2 * DAY)
  })

  it('both directions: a new sign brings its two cards; the daily goal counts signs, not cards', () => {
    let s = updateSettings(emptyProgress(), { dailyNew: 3 }, T0)
    const plan = planToday(s, 'cat:food', HEADERS, T0)
    expect(plan.newEntries).toEqual(['chi', 'he', 'shui'])
    expect(plan.newCards).toEqual(['chi@s2w', 'chi@w2s', 'he@s2w', 'he@w2s', 'shui@s2w', 'shui@w2s'])
    s = gradeCard(s, 'chi@s2w', 'good', T0)
    s = gradeCard(s, 'chi@w2s', 'good', T0 + MIN)
    const later = planToday(s, 'cat:food', HEADERS, T0 + HOUR)
    expect(later.newLeft).toBe(2)
    expect(later.newEntries).toEqual(['he', 'shui'])
    // After local midnight (China time) the goal resets.
    const nextDay = Date.UTC(2026, 2, 2, 16, 1)
    expect(planToday(s, 'cat:food', HEADERS, nextDay).newLeft).toBe(3)
    // …but not yet at 23:59 China time.
    expect(planToday(s, 'cat:food', HEADERS, Date.UTC(2026, 2, 2, 15, 59)).newLeft).toBe(2)
  })

  it('favorites deck: oldest favorite first, unknown ids ignored', () => {
    let s = emptyProgress()
    s = setFavorite(s, 'mao', true, T0)
    s = setFavorite(s, 'gone_entry', true, T0 + 1)
    s = setFavorite(s, 'gou', true, T0 + 2)
    expect(planToday(s, 'favorites', HEADERS, T0 + 3).newEntries).toEqual(['mao', 'gou'])
  })
})

describe('入门 100', () => {
  it('takes the most frequent word signs, one per word, without letters or numbers', () => {
    const deck = starterDeck(HEADERS)
    expect(deck[0]).toBe('wo') // num_1 and num_2 are more frequent but are number hands
    expect(deck).not.toContain('num_1')
    expect(deck).not.toContain('letter_a')
    expect(deck.filter(id => id.startsWith('ma_'))).toEqual(['ma_1'])
    const freqs = deck.map(id => HEADERS.find(h => h.id === id)!.freq)
    expect([...freqs].sort((a, b) => b - a)).toEqual(freqs)
    const many = Array.from({ length: 150 }, (_, i) => ({ ...HEADERS[0], id: `w${i}`, word: `词${i}`, freq: i }))
    expect(starterDeck(many)).toHaveLength(100)
    expect(starterDeck(many)[0]).toBe('w149')
  })
})
