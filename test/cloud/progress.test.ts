/**
 * The progress cloud function end to end in local mode (SQLite in memory): two devices of one
 * user sync in turn and both end with every review; other users are kept apart; bad uploads
 * are refused without touching the stored progress.
 */
import type * as ProgressModule from '../../cloudfunctions/progress/index'
import { openStore, resetStoreForTests, setCloudForTests } from '../../cloudfunctions/_shared/env'
import { createFakeCloud } from '../../cloudfunctions/_shared/fake-cloud'
import { buildCard } from '../../src/core/learn/schedule'
import {
  emptyProgress, gradeCard, mergeProgress, setFavorite, SYNC_MAX_BYTES, type ProgressState
} from '../../src/core/learn'
import { unopenableSqlitePath, withTempDir } from '../support/tmp'

// The source, not a bundled index.js that `npm run build:functions` may have left next to it.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the TypeScript source, not the bundled index.js the build may have left beside it
const { main, runtime, PROGRESS_COLLECTION, MESSAGES } = require('../../cloudfunctions/progress/index.ts') as typeof ProgressModule

const T0 = Date.UTC(2026, 2, 2, 1)
const DAY = 86400000

beforeEach(() => {
  process.env.SHOUYU_SQLITE = ':memory:'
  resetStoreForTests()
  runtime.now = () => T0 + 10 * DAY
})
afterAll(() => { resetStoreForTests(); delete process.env.SHOUYU_SQLITE })

async function sync (state: unknown, user = 'alice'): Promise<any> {
  // JSON round trip: what the network does to the upload.
  return main(JSON.parse(JSON.stringify({ action: 'sync', state, __localUser: user })))
}

describe('progress: sync', () => {
  it('two devices syncing in turn both end with all reviews and favorites', async () => {
    const shared = gradeCard(emptyProgress(), 'wo@s2w', 'good', T0)
    const phone = setFavorite(gradeCard(shared, 'wo@s2w', 'again', T0 + DAY), 'mama', true, T0 + DAY)
    const tablet = gradeCard(shared, 'xiexie@w2s', 'good', T0 + DAY + 5000)

    const r1 = await sync(phone)
    expect(r1.ok).toBe(true)
    expect(r1.state).toEqual(phone)
    const r2 = await sync(tablet)
    expect(r2.state).toEqual(mergeProgress(phone, tablet))
    expect(r2.state.cards['wo@s2w'].log).toEqual([[T0, 3], [T0 + DAY, 1]])
    expect(r2.state.favorites.mama.on).toBe(true)
    // the phone syncs again (nothing new): it now gets the tablet's review
    const r3 = await sync(phone)
    expect(r3.state).toEqual(r2.state)
    expect((await main({ action: 'get', __localUser: 'alice' }) as any).state).toEqual(r2.state)
    // syncing the merged state again changes nothing (idempotent)
    expect((await sync(r3.state)).state).toEqual(r3.state)
  })

  it('keeps users apart', async () => {
    await sync(gradeCard(emptyProgress(), 'wo@s2w', 'good', T0), 'alice')
    const bob = await main({ action: 'get', __localUser: 'bob' }) as any
    expect(bob).toEqual({ ok: true, state: emptyProgress(), rev: '', dropped: [] })
  })

  it('drops broken parts of an upload, says so, and keeps the good parts', async () => {
    const s: any = JSON.parse(JSON.stringify(gradeCard(gradeCard(emptyProgress(), 'wo@s2w', 'good', T0), 'ni@s2w', 'good', T0)))
    s.cards['ni@s2w'].log = 'oops'
    const r = await sync(s) as any
    expect(r.ok).toBe(true)
    expect(Object.keys(r.state.cards)).toEqual(['wo@s2w'])
    expect(r.dropped).toEqual(['卡片 ni@s2w 没有同步：卡片数据格式不对。'])
  })

  it('a stored document that went bad is recovered, kept aside, and the sync still works', async () => {
    await openStore().put(PROGRESS_COLLECTION, 'alice', { version: 1, at: 0, state: { version: 1, cards: { 'wo@s2w': 5 } } })
    const up = gradeCard(emptyProgress(), 'ni@s2w', 'good', T0)
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {})
    const r = await sync(up) as any
    expect(warn).toHaveBeenCalled()
    warn.mockRestore()
    expect(r.state).toEqual(up)
    const broken = await openStore().list(PROGRESS_COLLECTION + '_broken', 'alice:', 10)
    expect(broken).toHaveLength(1)
  })

  it.each([
    ['not an object', 'hello', 'BAD_STATE'],
    ['no version', { cards: {} }, 'BAD_STATE'],
    ['a future version', { version: 2, cards: {} }, 'FUTURE'],
    ['garbage version', { version: 'x' }, 'BAD_STATE'],
    ['a fractional version', { version: 1.5, cards: {} }, 'BAD_STATE']
  ])('refuses an upload that is %s, leaving the stored state alone', async (_n, state, code) => {
    const good = gradeCard(emptyProgress(), 'wo@s2w', 'good', T0)
    await sync(good)
    const r = await sync(state) as any
    expect(r).toEqual({ ok: false, code, message: code === 'FUTURE' ? MESSAGES.FUTURE : MESSAGES.BAD_STATE })
    expect((await main({ action: 'get', __localUser: 'alice' }) as any).state).toEqual(good)
  })

  it('refuses an upload over the size limit', async () => {
    const big: ProgressState = emptyProgress()
    const pad = 'x'.repeat(1000)
    for (let i = 0; i < SYNC_MAX_BYTES / 1000 + 10; i++) (big.favorites as any)[`e${i}_${pad}`] = { at: 1, on: true }
    const r = await sync(big) as any
    expect(r).toEqual({ ok: false, code: 'TOO_LARGE', message: MESSAGES.TOO_LARGE })
  })

  it('bad requests get Chinese errors, never a throw', async () => {
    expect(await main(null)).toEqual({ ok: false, code: 'BAD_REQUEST', message: MESSAGES.BAD_REQUEST })
    expect(await main({ action: 'erase' })).toEqual({ ok: false, code: 'BAD_ACTION', message: MESSAGES.BAD_ACTION })
    expect(await main({})).toEqual({ ok: false, code: 'BAD_ACTION', message: MESSAGES.BAD_ACTION })
  })

  it('a store failure is an INTERNAL error, not a crash', async () => {
    await withTempDir('shouyu-', async dir => {
      process.env.SHOUYU_SQLITE = unopenableSqlitePath(dir)
      const spy = jest.spyOn(console, 'error').mockImplementation(() => {})
      const r = await main({ action: 'get' }) as any
      expect(r.ok).toBe(false)
      expect(r.code).toBe('INTERNAL')
      spy.mockRestore()
    })
  })
})

describe('progress: every number checked on arrival', () => {
  it('a card with a review time of 1e20 is refused alone, with its reason, and never poisons later syncs', async () => {
    const good = gradeCard(gradeCard(emptyProgress(), 'wo@s2w', 'good', T0), 'ni@s2w', 'good', T0)
    const spoiled: any = JSON.parse(JSON.stringify(good))
    spoiled.cards['ni@s2w'].log.push([1e20, 3])
    const r = await sync(spoiled) as any
    expect(r.ok).toBe(true)
    expect(Object.keys(r.state.cards)).toEqual(['wo@s2w'])
    expect(r.dropped).toEqual([expect.stringMatching(/^卡片 ni@s2w 没有同步：时间超出范围/)])
    // The learner's real reviews of that card sync as usual afterwards, again and again.
    for (let k = 1; k <= 3; k++) {
      const later = gradeCard(good, 'ni@s2w', 'good', T0 + k * DAY)
      const again = await sync(later) as any
      expect(again.ok).toBe(true)
      expect(again.dropped).toEqual([])
      expect(again.state.cards['ni@s2w'].log.map((e: number[]) => e[0])).toContain(T0 + k * DAY)
    }
    expect(await openStore().list(PROGRESS_COLLECTION + '_broken', '', 10)).toEqual([])
  })

  it('a stability of 1e308 is refused; the stored state stays valid', async () => {
    const good = gradeCard(emptyProgress(), 'wo@s2w', 'good', T0)
    const spoiled: any = JSON.parse(JSON.stringify(good))
    spoiled.cards['wo@s2w'].s = 1e308
    const r = await sync(spoiled) as any
    expect(r.dropped[0]).toMatch(/记忆参数超出范围/)
    expect(r.state.cards).toEqual({})
    expect((await sync(good) as any).state).toEqual(good)
  })

  it('many bad cards: the first ten are named, the rest counted', async () => {
    const s: any = emptyProgress()
    for (let i = 0; i < 25; i++) s.cards[`w${i}@s2w`] = { nonsense: true }
    const r = await sync(s) as any
    expect(r.dropped).toHaveLength(11)
    expect(r.dropped[10]).toMatch(/另有 15 张卡片/)
  })
})

describe('progress: a partial upload and the revision', () => {
  it('an upload of only the changed cards merges into what is stored', async () => {
    const full = gradeCard(gradeCard(emptyProgress(), 'wo@s2w', 'good', T0), 'ni@s2w', 'good', T0)
    const r1 = await sync(full) as any
    expect(r1.rev).toEqual(expect.any(String))
    const delta = gradeCard(emptyProgress(), 'ta@s2w', 'good', T0 + DAY)
    const r2 = await main(JSON.parse(JSON.stringify({ action: 'sync', state: delta, base: r1.rev, __localUser: 'alice' }))) as any
    expect(r2.ok).toBe(true)
    expect(Object.keys(r2.state.cards).sort()).toEqual(['ni@s2w', 'ta@s2w', 'wo@s2w'])
    expect(r2.rev).not.toBe(r1.rev)
  })

  it('an upload based on a revision the cloud does not descend from is answered RESYNC, and nothing is written', async () => {
    await sync(gradeCard(emptyProgress(), 'wo@s2w', 'good', T0))
    const before = await openStore().get(PROGRESS_COLLECTION, 'alice')
    const r = await main({ action: 'sync', state: gradeCard(emptyProgress(), 'ta@s2w', 'good', T0), base: 'not-a-revision', __localUser: 'alice' }) as any
    expect(r).toEqual({ ok: false, code: 'RESYNC', message: MESSAGES.RESYNC })
    expect(await openStore().get(PROGRESS_COLLECTION, 'alice')).toEqual(before)
  })

  it('get returns the revision too', async () => {
    const r1 = await sync(gradeCard(emptyProgress(), 'wo@s2w', 'good', T0)) as any
    expect((await main({ action: 'get', __localUser: 'alice' }) as any).rev).toBe(r1.rev)
  })

  it('compaction on the server never makes the answer bigger than the upload', async () => {
    const s = emptyProgress()
    for (let c = 0; c < 300; c++) {
      const log = Array.from({ length: 20 }, (_, r) => [T0 + c * 1000 + r * DAY, 3] as [number, 3])
      s.cards[`w${c}@s2w`] = buildCard(undefined, log, log[0][0], false)
    }
    const r = await sync(s) as any
    expect(r.ok).toBe(true)
    expect(JSON.stringify(r.state).length).toBeLessThanOrEqual(JSON.stringify(s).length)
  })
})

describe('progress: delete', () => {
  it('deletes my synced progress and the copies kept aside, and nobody else\'s', async () => {
    await sync(gradeCard(emptyProgress(), 'wo@s2w', 'good', T0), 'alice')
    await sync(gradeCard(emptyProgress(), 'ni@s2w', 'good', T0), 'bob')
    await openStore().put(PROGRESS_COLLECTION + '_broken', `alice:${T0}`, { at: T0, raw: {} })
    const r = await main({ action: 'delete', __localUser: 'alice' }) as any
    expect(r).toEqual({ ok: true, deleted: 2 })
    expect((await main({ action: 'get', __localUser: 'alice' }) as any).state).toEqual(emptyProgress())
    expect(await openStore().list(PROGRESS_COLLECTION + '_broken', 'alice:', 10)).toEqual([])
    expect(Object.keys((await main({ action: 'get', __localUser: 'bob' }) as any).state.cards)).toEqual(['ni@s2w'])
    // Deleting again is fine: nothing left.
    expect(await main({ action: 'delete', __localUser: 'alice' })).toEqual({ ok: true, deleted: 0 })
  })

  it('refuses to delete without a user (WeChat mode, no openid)', async () => {
    delete process.env.SHOUYU_SQLITE
    const fake = createFakeCloud({ autoCreate: true })
    fake.openid = undefined // called from outside the mini-program: no openid
    setCloudForTests(fake)
    try {
      expect(await main({ action: 'delete' })).toEqual({ ok: false, code: 'NO_USER', message: MESSAGES.NO_USER })
    } finally {
      setCloudForTests(null)
      process.env.SHOUYU_SQLITE = ':memory:'
    }
  })
})
