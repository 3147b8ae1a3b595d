/**
 * The storage budget, checked on the largest state the format allows: every key stays under
 * WeChat's 1 MB per key, and the whole under 40 % of the 10 MB total. Numbers in docs/learn.md.
 */
import {
  ACTIVITY_MAX, CARDS_MAX, CARD_LOG_MAX, FAVORITES_MAX, HISTORY_MAX, QUIZZES_MAX, STORAGE_KEY_LIMIT_BYTES, STORAGE_TOTAL_LIMIT_BYTES,
  emptyProgress, encodeProgress, fitsStorage, gradeCard, decodeProgress, type CardState, type ProgressState
} from '../../../src/core/learn'

const T = 1_900_000_000_000 // 2030: 13-digit times, as long as they get
const snap = { due: T, s: 123.45678901, d: 9.87654321, state: 3 as const, step: 12, reps: 999, lapses: 99, sched: 36500, last: T }

function worstCase (): ProgressState {
  const s = emptyProgress()
  for (let i = 0; i < CARDS_MAX / 2; i++) {
    const entry = `entry_word_${String(i).padStart(5, '0')}` // longer than real ids (e.g. xiexie)
    for (const kind of ['s2w', 'w2s']) {
      const card: CardState = {
        ...snap,
        first: T,
        log: Array.from({ length: CARD_LOG_MAX }, (_, k) => [T + k * 1000, 4] as [number, 4]),
        base: { ...snap, upTo: T - 1, n: 9999 }
      }
      s.cards[`${entry}@${kind}`] = card
    }
  }
  for (let i = 0; i < FAVORITES_MAX; i++) s.favorites[`entry_word_${i}`] = { at: T, on: true }
  for (let i = 0; i < HISTORY_MAX; i++) s.history.push({ id: `entry_word_${i}`, at: T - i, del: true })
  for (let i = 0; i < QUIZZES_MAX; i++) s.quizzes.push({ at: T - i, kind: 'spell', total: 100, correct: 100 })
  for (let i = 0; i < ACTIVITY_MAX; i++) s.activity.push(2_100_000 + i)
  return s
}

describe('storage budget', () => {
  it('the largest state it is sized for fits: every key < 1 MB, all keys < 4 MB of the 10 MB', () => {
    const keys = encodeProgress(worstCase())
    const sizes = keys.map(k => k.bytes)
    for (const k of keys) expect([k.key, k.bytes < STORAGE_KEY_LIMIT_BYTES * 0.95]).toEqual([k.key, true])
    expect(fitsStorage(keys)).toBe(true)
    const total = sizes.reduce((a, b) => a + b, 0)
    expect(total).toBeLessThan(STORAGE_TOTAL_LIMIT_BYTES * 0.4)
  })

  it('a state that does not fit is detected before writing', () => {
    const s = worstCase()
    // three times the sized-for card count: some shard goes over 1 MB
    for (const id of Object.keys(s.cards)) {
      s.cards[id.replace('entry_word_', 'entry_more_')] = s.cards[id]
      s.cards[id.replace('entry_word_', 'entry_else_')] = s.cards[id]
    }
    expect(fitsStorage(encodeProgress(s))).toBe(false)
  })

  it('a year of daily study (20 new signs a day for 25 days, both directions, all reviews done) stays far below', () => {
    let s = emptyProgress()
    const day = 86400000
    let now = T
    for (let d = 0; d < 365; d++) {
      now = T + d * day
      const due = Object.keys(s.cards).filter(id => s.cards[id].due <= now + day / 2)
      for (const id of due) s = gradeCard(s, id, 'good', now)
      if (d < 25) for (let k = 0; k < 20; k++) for (const kind of ['s2w', 'w2s']) s = gradeCard(s, `w${d * 20 + k}@${kind}`, 'good', now)
    }
    const keys = encodeProgress(s)
    const biggest = Math.max(...keys.map(k => k.bytes))
    expect(biggest).toBeLessThan(STORAGE_KEY_LIMIT_BYTES / 16)
    expect(decodeProgress(k => keys.find(x => x.key === k)?.value, now).state).toEqual(s)
  })
})
