/**
 * src/services/progress.ts with a fake Taro storage (and a quota), syncing through the real
 * `progress` cloud function in local mode: reload keeps progress, a corrupted key is recovered
 * and backed up, a full mockDisk is reported, offline sync leaves the dirty flag for a retry, and a
 * second device gets the first one's reviews.
 */
import type * as ProgressModule from '../../cloudfunctions/progress/index'
import { openStore, resetStoreForTests } from '../../cloudfunctions/_shared/env'
import {
  STORAGE_BACKUP_KEY, STORAGE_CARDS_KEY_PREFIX, STORAGE_DIRTY_KEY, STORAGE_MAIN_KEY, emptyProgress, gradeCard, mergeProgress,
  setFavorite, type ProgressState
} from '../../src/core/learn'

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the TypeScript source, not the bundled index.js the build may have left beside it
const mockCloudFn = require('../../cloudfunctions/progress/index.ts') as typeof ProgressModule

/** One phone's storage: a Map with WeChat's quota behaviour (setStorageSync throws when full). */
const mockDisk = {
  data: new Map<string, unknown>(),
  quotaBytes: Infinity,
  writes: 0,
  used (): number { let n = 0; for (const v of this.data.values()) n += String(v).length; return n }
}

jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    getStorageSync: (k: string) => (mockDisk.data.has(k) ? mockDisk.data.get(k) : ''),
    setStorageSync: (k: string, v: unknown) => {
      const before = mockDisk.data.get(k)
      mockDisk.data.set(k, v)
      if (mockDisk.used() > mockDisk.quotaBytes) {
        if (before === undefined) mockDisk.data.delete(k); else mockDisk.data.set(k, before)
        throw new Error('setStorageSync:fail exceed storage max size 10MB')
      }
      mockDisk.writes++
    },
    removeStorageSync: (k: string) => { mockDisk.data.delete(k) }
  }
}))

let mockOnline = true
let mockUser = 'alice'
/** What each call sent, as the network carried it. */
const mockSent: Array<{ name: string, data: any }> = []
jest.mock('../../src/services/cloud', () => {
  class CloudError extends Error {
    code: string
    constructor (code: string, message: string) { super(message); this.code = code }
  }
  return {
    CloudError,
    callCloud: async (name: string, data: object) => {
      if (!mockOnline) throw new CloudError('NETWORK', '网络连接失败，请检查网络后重试。')
      // the network serialises both ways
      mockSent.push({ name, data: JSON.parse(JSON.stringify(data)) })
      const res = await mockCloudFn.main(JSON.parse(JSON.stringify({ ...data, __localUser: mockUser })))
      return JSON.parse(JSON.stringify(res))
    }
  }
})

// Imported after the mocks are declared (jest hoists jest.mock, so a plain import is fine too).
import { loadProgress, needsSync, resetProgressCacheForTests, saveProgress, syncProgress } from '../../src/services/progress'

const T0 = Date.UTC(2026, 2, 2, 1)

function restart (): void { resetProgressCacheForTests() }
function freshPhone (): void { mockDisk.data.clear(); mockDisk.quotaBytes = Infinity; mockDisk.writes = 0; restart() }

beforeEach(() => {
  process.env.SHOUYU_SQLITE = ':memory:'
  resetStoreForTests()
  mockCloudFn.runtime.now = () => T0
  mockOnline = true
  mockUser = 'alice'
  mockSent.length = 0
  freshPhone()
})
afterAll(() => { resetStoreForTests(); delete process.env.SHOUYU_SQLITE })

function learnSome (): ProgressState {
  let s = loadProgress(T0).state
  s = gradeCard(s, 'xiexie@s2w', 'good', T0)
  s = gradeCard(s, 'nihao@w2s', 'again', T0 + 1000)
  s = setFavorite(s, 'mama', true, T0 + 2000)
  return s
}

describe('progress service', () => {
  it('a first start is empty and quiet; progress survives a reload', () => {
    expect(loadProgress(T0)).toEqual({ state: emptyProgress(), notes: [] })
    const s = learnSome()
    expect(saveProgress(s)).toEqual({ ok: true })
    restart()
    expect(loadProgress(T0 + 5000)).toEqual({ state: s, notes: [] })
    expect(needsSync()).toBe(true)
  })

  it('writes only the keys that changed', () => {
    const s = learnSome()
    saveProgress(s)
    const before = mockDisk.writes
    saveProgress(setFavorite(s, 'baba', true, T0 + 3000))
    // the main key (favorites) and the dirty flag; no card shard
    expect(mockDisk.writes - before).toBe(2)
  })

  it('a corrupted key: the rest is kept, the broken value is backed up, the user is told once', () => {
    const s = learnSome()
    saveProgress(s)
    const shardKey = [...mockDisk.data.keys()].find(k => k.startsWith(STORAGE_CARDS_KEY_PREFIX) && String(mockDisk.data.get(k)).includes('xiexie@s2w'))!
    mockDisk.data.set(shardKey, '{"version":1,"cards":{"xiexie@s2w":')
    restart()
    const r = loadProgress(T0 + 5000)
    expect(r.state.cards['xiexie@s2w']).toBeUndefined()
    expect(r.state.favorites).toEqual(s.favorites)
    expect(r.notes).toHaveLength(1)
    expect(r.notes[0]).toMatch(/无法读取/)
    const backup = JSON.parse(String(mockDisk.data.get(STORAGE_BACKUP_KEY)))
    expect(backup.aside[shardKey]).toBe('{"version":1,"cards":{"xiexie@s2w":')
    expect(backup.notes).toEqual(r.notes)
    // repaired on mockDisk: the next start is quiet
    restart()
    expect(loadProgress(T0 + 6000)).toEqual({ state: r.state, notes: [] })
  })

  it('garbage in the main key after an app crash does not crash the app', () => {
    mockDisk.data.set(STORAGE_MAIN_KEY, 12345)
    const r = loadProgress(T0)
    expect(r.state).toEqual(emptyProgress())
    expect(r.notes).toEqual(['学习进度数据无法读取，已重置（原数据已备份）。'])
  })

  it('a full mockDisk is reported, nothing throws, and a later save succeeds', () => {
    const s = learnSome()
    mockDisk.quotaBytes = 300
    const r = saveProgress(s)
    expect(r.ok).toBe(false)
    expect(r).toMatchObject({ code: 'QUOTA' })
    mockDisk.quotaBytes = Infinity
    expect(saveProgress(s)).toEqual({ ok: true })
    restart()
    expect(loadProgress(T0).state).toEqual(s)
  })

  it('offline: sync fails softly and stays dirty; back mockOnline it syncs and clears the flag', async () => {
    const s = learnSome()
    saveProgress(s)
    mockOnline = false
    const r = await syncProgress(s, T0)
    expect(r).toEqual({ ok: false, code: 'NETWORK', message: '网络连接失败，请检查网络后重试。' })
    expect(needsSync()).toBe(true)
    mockOnline = true
    const ok = await syncProgress(s, T0)
    expect(ok.ok).toBe(true)
    expect(needsSync()).toBe(false)
    expect(mockDisk.data.get(STORAGE_DIRTY_KEY)).toBe('')
  })

  it('a second device gets the first one’s reviews, and the first gets the second’s', async () => {
    const phone = learnSome()
    saveProgress(phone)
    const p1 = await syncProgress(phone, T0)
    expect(p1.ok).toBe(true)

    freshPhone() // the tablet: empty storage, same user
    let tablet = loadProgress(T0).state
    tablet = gradeCard(tablet, 'wo@s2w', 'easy', T0 + 9000)
    const t1 = await syncProgress(tablet, T0 + 9000)
    if (!t1.ok) throw new Error(t1.message)
    expect(Object.keys(t1.state.cards).sort()).toEqual(['nihao@w2s', 'wo@s2w', 'xiexie@s2w'])
    expect(t1.state.favorites.mama.on).toBe(true)
    restart()
    expect(loadProgress(T0 + 10000).state).toEqual(t1.state)

    const p2 = await syncProgress(phone, T0 + 20000)
    if (!p2.ok) throw new Error(p2.message)
    expect(p2.state).toEqual(mergeProgress(phone, t1.state))
    expect(p2.state.cards['wo@s2w']).toEqual(t1.state.cards['wo@s2w'])
  })

  it('a review saved while a sync is under way is neither lost nor marked as synced', async () => {
    const s = learnSome()
    saveProgress(s)
    const pending = syncProgress(s, T0)
    const during = gradeCard(s, 'wo@s2w', 'good', T0 + 5000) // the learner keeps going
    saveProgress(during)
    const r = await pending
    if (!r.ok) throw new Error(r.message)
    expect(r.state.cards['wo@s2w']).toEqual(during.cards['wo@s2w'])
    expect(needsSync()).toBe(true)
    restart()
    expect(loadProgress(T0 + 6000).state.cards['wo@s2w']).toEqual(during.cards['wo@s2w'])
    // the next sync takes it to the cloud
    const again = await syncProgress(r.state, T0 + 7000)
    expect(again.ok).toBe(true)
    expect(needsSync()).toBe(false)
    expect(((await mockCloudFn.main({ action: 'get', __localUser: 'alice' })) as any).state.cards['wo@s2w']).toEqual(during.cards['wo@s2w'])
  })

  it('a server refusal is passed on with its Chinese message', async () => {
    const s = learnSome()
    const r = await syncProgress({ ...s, version: 7 } as unknown as ProgressState, T0)
    expect(r).toEqual({ ok: false, code: 'FUTURE', message: mockCloudFn.MESSAGES.FUTURE })
  })

  it('uploads only what changed since the last sync', async () => {
    let s = learnSome()
    saveProgress(s)
    const first = await syncProgress(s, T0)
    if (!first.ok) throw new Error(first.message)
    expect(Object.keys(mockSent[0].data.state.cards).sort()).toEqual(['nihao@w2s', 'xiexie@s2w'])
    s = gradeCard(first.state, 'wo@s2w', 'good', T0 + 60000)
    s = setFavorite(s, 'baba', true, T0 + 60000)
    saveProgress(s)
    const second = await syncProgress(s, T0 + 60000)
    if (!second.ok) throw new Error(second.message)
    const sent = mockSent[1].data
    expect(Object.keys(sent.state.cards)).toEqual(['wo@s2w'])
    expect(Object.keys(sent.state.favorites)).toEqual(['baba'])
    expect(sent.base).toEqual(expect.any(String))
    // the cloud still has everything
    const cloud = ((await mockCloudFn.main({ action: 'get', __localUser: 'alice' })) as any).state
    expect(Object.keys(cloud.cards).sort()).toEqual(['nihao@w2s', 'wo@s2w', 'xiexie@s2w'])
    expect(cloud).toEqual(second.state)
    // nothing new: nothing but the envelope travels
    await syncProgress(second.state, T0 + 70000)
    expect(Object.keys(mockSent[2].data.state.cards)).toEqual([])
    expect(JSON.stringify(mockSent[2].data).length).toBeLessThan(400)
  })

  it('when the cloud lost what this device had synced (another device overwrote it, or it was deleted), everything is sent again', async () => {
    const s = learnSome()
    saveProgress(s)
    const first = await syncProgress(s, T0)
    if (!first.ok) throw new Error(first.message)
    // Another device's write, made from an older copy, replaced ours: our cards are gone there.
    await openStore().put(mockCloudFn.PROGRESS_COLLECTION, 'alice', { version: 1, at: T0, rev: 'other', revs: ['other'], state: gradeCard(emptyProgress(), 'ta@s2w', 'good', T0) })
    const next = gradeCard(first.state, 'wo@s2w', 'good', T0 + 60000)
    saveProgress(next)
    const r = await syncProgress(next, T0 + 60000)
    if (!r.ok) throw new Error(r.message)
    expect(mockSent.slice(1).map(c => Object.keys(c.data.state.cards).length)).toEqual([1, 3])
    expect(Object.keys(r.state.cards).sort()).toEqual(['nihao@w2s', 'ta@s2w', 'wo@s2w', 'xiexie@s2w'])
    const cloud = ((await mockCloudFn.main({ action: 'get', __localUser: 'alice' })) as any).state
    expect(cloud).toEqual(r.state)
  })
})
