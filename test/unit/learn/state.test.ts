import v0 from './fixtures/progress-v0.json'
import {
  CARD_SHARDS, STORAGE_CARDS_KEY_PREFIX, STORAGE_MAIN_KEY, decodeProgress, dueCards, emptyProgress, encodeProgress, gradeCard,
  parseProgress, recordQuiz, recordView, setFavorite, updateSettings, type ProgressState
} from '../../../src/core/learn'
import { DAY, T0 } from './fixture'

function sample (): ProgressState {
  let s = emptyProgress()
  s = gradeCard(s, 'xiexie@s2w', 'good', T0)
  s = gradeCard(s, 'xiexie@s2w', 'good', T0 + 10 * 60000)
  s = gradeCard(s, 'nihao@w2s', 'again', T0 + 20 * 60000)
  s = gradeCard(s, 'mama@s2w', 'easy', T0 + 30 * 60000)
  s = setFavorite(s, 'mama', true, T0)
  s = setFavorite(s, 'baba', true, T0 + 1)
  s = setFavorite(s, 'baba', false, T0 + 2)
  s = recordView(s, 'wo', T0)
  s = recordView(s, 'ni', T0 + 5)
  s = updateSettings(s, { dailyNew: 20, deck: 'cat:food' }, T0)
  s = recordQuiz(s, { at: T0, kind: 's2w', total: 10, correct: 7 })
  return s
}

function storageOf (s: ProgressState): Map<string, unknown> {
  return new Map(encodeProgress(s).map(k => [k.key, k.value]))
}

describe('parseProgress', () => {
  it('round-trips a state through JSON unchanged, with nothing to report', () => {
    const s = sample()
    const r = parseProgress(JSON.stringify(s), T0)
    expect(r).toEqual({ state: s, recovered: [], cardProblems: [], aside: null })
    expect(parseProgress(s, T0).state).toEqual(s)
  })

  it('starts empty with no note when nothing was stored (Taro returns "")', () => {
    for (const raw of [undefined, null, '']) expect(parseProgress(raw, T0)).toEqual({ state: emptyProgress(), recovered: [], cardProblems: [], aside: null })
  })

  it('garbage JSON: resets, keeps the text aside, tells the user', () => {
    const r = parseProgress('{"version":1,"cards":{', T0)
    expect(r.state).toEqual(emptyProgress())
    expect(r.recovered).toEqual(['学习进度数据无法读取，已重置（原数据已备份）。'])
    expect(r.aside).toEqual({ all: '{"version":1,"cards":{' })
  })

  it.each([
    ['a number', 42], ['an array', [1, 2]], ['a bad version', { version: 'one' }], ['a negative version', { version: -1 }]
  ])('wrong top-level type (%s): resets without throwing', (_n, raw) => {
    const r = parseProgress(raw, T0)
    expect(r.state).toEqual(emptyProgress())
    expect(r.recovered).toHaveLength(1)
    expect(r.aside).toEqual({ all: raw })
  })

  it('a future version is not guessed at: reset, kept aside whole, user told to upgrade', () => {
    const future = { version: 2, cards: { 'wo@s2w': { whatever: true } } }
    const r = parseProgress(future, T0)
    expect(r.state).toEqual(emptyProgress())
    expect(r.recovered[0]).toMatch(/更新版本/)
    expect(r.aside).toEqual({ all: future })
  })

  it('one broken card among good ones: only that card is reset and set aside', () => {
    const s = sample()
    const raw = JSON.parse(JSON.stringify(s))
    raw.cards['nihao@w2s'].log[0] = ['yesterday', 3]
    raw.cards['bogus id'] = raw.cards['mama@s2w']
    const r = parseProgress(raw, T0)
    expect(Object.keys(r.state.cards).sort()).toEqual(['mama@s2w', 'xiexie@s2w'])
    expect(r.state.cards['xiexie@s2w']).toEqual(s.cards['xiexie@s2w'])
    expect(r.recovered).toEqual(['2 张学习卡片的数据损坏，已重置（原数据已备份）。'])
    expect(Object.keys(r.aside!.cards as object).sort()).toEqual(['bogus id', 'nihao@w2s'])
    // everything else survived
    expect(r.state.favorites).toEqual(s.favorites)
    expect(r.state.settings).toEqual(s.settings)
  })

  it('wrong types in each part: that part is reset, the rest kept, one note each', () => {
    const s = sample()
    const raw = {
      ...JSON.parse(JSON.stringify(s)),
      favorites: { mama: { at: T0, on: 'yes' }, wo: { at: T0, on: true } },
      history: [{ id: 'wo', at: T0 }, { id: 5, at: T0 }],
      settings: { dailyNew: 9999, deck: 'starter' },
      quizzes: 'none',
      activity: [1, 'x']
    }
    const r = parseProgress(raw, T0)
    expect(r.state.cards).toEqual(s.cards)
    expect(r.state.favorites).toEqual({ wo: { at: T0, on: true } })
    expect(r.state.history).toEqual([{ id: 'wo', at: T0 }])
    expect(r.state.settings.dailyNew).toBe(10)
    expect(r.state.settings.deck).toBe('starter')
    expect(r.state.quizzes).toEqual([])
    expect(r.state.activity).toEqual([])
    expect(r.recovered).toEqual([
      '1 条收藏记录损坏，已移除。', '1 条浏览记录损坏，已移除。', '学习设置有误，已恢复默认值。', '测验记录损坏，已重置。',
      '连续学习天数记录损坏，已重置。'
    ])
    expect(Object.keys(r.aside!).sort()).toEqual(['activity', 'favorites', 'history', 'quizzes', 'settings'])
  })

  it('a card whose log is out of order or overlaps its base is treated as broken, not silently reordered', () => {
    const s = sample()
    const raw = JSON.parse(JSON.stringify(s))
    raw.cards['xiexie@s2w'].log.reverse()
    expect(Object.keys(parseProgress(raw, T0).state.cards)).not.toContain('xiexie@s2w')
  })

  it('migrates the version-0 format (fixture): favorites, history order, the card schedule and the daily goal', () => {
    const now = Date.UTC(2026, 2, 3)
    const r = parseProgress(JSON.stringify(v0), now)
    expect(r.state.version).toBe(1)
    expect(Object.keys(r.state.favorites).sort()).toEqual(['mama', 'xiexie'])
    expect(r.state.favorites.xiexie).toEqual({ at: now, on: true })
    expect(r.state.history.map(h => h.id)).toEqual(['nihao', 'xiexie', 'wo'])
    expect(r.state.settings.dailyNew).toBe(15)
    const c = r.state.cards['xiexie@s2w']
    expect(c.due).toBe(Date.parse('2026-03-05T01:00:00.000Z'))
    expect(c.reps).toBe(3)
    expect(c.base?.n).toBe(3)
    expect(dueCards(r.state, Date.parse('2026-03-05T02:00:00.000Z'))).toEqual(['xiexie@s2w'])
    // the garbage v0 card is reported, not fatal
    expect(r.recovered).toEqual(['1 张学习卡片的数据损坏，已重置（原数据已备份）。'])
    expect(r.aside).toEqual({ cards: { 'mama@s2w': 'garbage' } })
    // the migrated card keeps learning from its old state
    const next = gradeCard(r.state, 'xiexie@s2w', 'good', c.due)
    expect(next.cards['xiexie@s2w'].due - c.due).toBeGreaterThan(3 * DAY)
  })
})

describe('storage layout (encodeProgress / decodeProgress)', () => {
  it('splits cards over shard keys and reads the same state back', () => {
    const s = sample()
    const keys = encodeProgress(s)
    expect(keys.map(k => k.key)).toEqual([STORAGE_MAIN_KEY, ...Array.from({ length: CARD_SHARDS }, (_, i) => STORAGE_CARDS_KEY_PREFIX + i)])
    expect(JSON.parse(keys[0].value).cards).toBeUndefined()
    // both directions of an entry live in the same shard
    const shardOf = (id: string): number => keys.findIndex(k => k.key !== STORAGE_MAIN_KEY && id in JSON.parse(k.value).cards)
    const st = storageOf(s)
    const r = decodeProgress(k => st.get(k) ?? '', T0)
    expect(r).toEqual({ state: s, recovered: [], cardProblems: [], aside: null })
    const two = gradeCard(s, 'xiexie@w2s', 'good', T0)
    const ks = encodeProgress(two)
    expect(ks.findIndex(k => k.key !== STORAGE_MAIN_KEY && 'xiexie@w2s' in JSON.parse(k.value).cards)).toBe(
      ks.findIndex(k => k.key !== STORAGE_MAIN_KEY && 'xiexie@s2w' in JSON.parse(k.value).cards))
    expect(shardOf('xiexie@s2w')).toBeGreaterThan(0)
  })

  it('a garbled shard costs only its cards; favorites, settings and other cards survive', () => {
    const s = sample()
    const st = storageOf(s)
    const bad = encodeProgress(s).find(k => k.key !== STORAGE_MAIN_KEY && 'xiexie@s2w' in JSON.parse(k.value).cards)!
    st.set(bad.key, bad.value.slice(0, 20))
    const r = decodeProgress(k => st.get(k), T0)
    expect(r.state.cards['xiexie@s2w']).toBeUndefined()
    expect(r.state.favorites).toEqual(s.favorites)
    expect(r.state.settings).toEqual(s.settings)
    const lost = Object.keys(JSON.parse(bad.value).cards)
    expect(Object.keys(r.state.cards).length).toBe(Object.keys(s.cards).length - lost.length)
    expect(r.recovered).toHaveLength(1)
    expect(r.recovered[0]).toMatch(/部分学习卡片/)
    expect(r.aside).toEqual({ [bad.key]: bad.value.slice(0, 20) })
  })

  it('a garbled main key keeps the cards', () => {
    const s = sample()
    const st = storageOf(s)
    st.set(STORAGE_MAIN_KEY, '\u0000\u0001')
    const r = decodeProgress(k => st.get(k), T0)
    expect(r.state.cards).toEqual(s.cards)
    expect(r.state.favorites).toEqual({})
    expect(r.recovered).toEqual(['学习进度数据无法读取，已重置（原数据已备份）。'])
    expect(r.aside).toEqual({ [STORAGE_MAIN_KEY]: '\u0000\u0001' })
  })

  it('reads a version-0 single key (before sharding) and migrates it', () => {
    const r = decodeProgress(k => (k === STORAGE_MAIN_KEY ? JSON.stringify(v0) : ''), T0)
    expect(Object.keys(r.state.cards)).toEqual(['xiexie@s2w'])
  })

  it('a future-version main key leaves everything aside and starts empty', () => {
    const s = sample()
    const st = storageOf(s)
    st.set(STORAGE_MAIN_KEY, JSON.stringify({ version: 9 }))
    const r = decodeProgress(k => st.get(k), T0)
    expect(r.state).toEqual(emptyProgress())
    expect(r.recovered[0]).toMatch(/更新版本/)
  })
})
