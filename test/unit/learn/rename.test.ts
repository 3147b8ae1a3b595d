// When the dictionary merges two entries of one national sign (她 into 他), nothing the learner did
// under the retired id is lost: reviews, favorites and history move to the kept entry.
import { emptyProgress, gradeCard, recordView, renameEntries, reviewCount, setFavorite } from '../../../src/core/learn'

const T = Date.UTC(2026, 11, 1, 8)
const H = 3600_000
const ALIASES = { ta_2: 'ta' }

describe('renameEntries', () => {
  it('returns the same state when nothing is under a retired id (no needless save)', () => {
    const s = recordView(setFavorite(emptyProgress(), 'ni', true, T), 'ni', T)
    expect(renameEntries(s, ALIASES)).toBe(s)
  })

  it('moves cards, favorites and history to the kept entry', () => {
    let s = gradeCard(emptyProgress(), 'ta_2@s2w', 'good', T)
    s = setFavorite(s, 'ta_2', true, T + H)
    s = recordView(s, 'ta_2', T + 2 * H)
    const r = renameEntries(s, ALIASES)
    expect(Object.keys(r.cards)).toEqual(['ta@s2w'])
    expect(reviewCount(r.cards['ta@s2w'])).toBe(1)
    expect(r.favorites).toEqual({ ta: { at: T + H, on: true } })
    expect(r.history.map(h => h.id)).toEqual(['ta'])
  })

  it('a card the learner had under both ids keeps every review of both', () => {
    let s = gradeCard(emptyProgress(), 'ta@w2s', 'good', T)
    s = gradeCard(s, 'ta_2@w2s', 'again', T + H)
    s = recordView(recordView(s, 'ta', T + 3 * H), 'ta_2', T + 2 * H)
    const r = renameEntries(s, ALIASES)
    expect(Object.keys(r.cards)).toEqual(['ta@w2s'])
    expect(reviewCount(r.cards['ta@w2s'])).toBe(2)
    // One history row per entry, the latest view.
    expect(r.history).toEqual([{ id: 'ta', at: T + 3 * H }])
  })
})
