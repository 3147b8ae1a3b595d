/**
 * The Store contract, run against both implementations: SQLite (local, tests) and the cloud
 * database (through an in-memory fake of wx-server-sdk), plus env.ts mode selection.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import Database from 'better-sqlite3'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Store } from '../../cloudfunctions/_shared/store'
import { openSqliteStore, type SqliteStore } from '../../cloudfunctions/_shared/store-sqlite'
import { cloudDbStore, encodeDocId } from '../../cloudfunctions/_shared/store-clouddb'
import { createFakeCloud } from '../../cloudfunctions/_shared/fake-cloud'
import { getOpenId, isLocal, openStore, resetStoreForTests, setCloudForTests, LOCAL_USER } from '../../cloudfunctions/_shared/env'

const implementations: Array<[string, () => Store & { close?: () => void }]> = [
  ['sqlite', () => openSqliteStore(':memory:')],
  ['clouddb', () => cloudDbStore(createFakeCloud().database())]
]

describe.each(implementations)('Store on %s', (_name, make) => {
  let store: Store & { close?: () => void }
  beforeEach(() => { store = make() })
  afterEach(() => { store.close?.() })

  it('returns undefined for a missing key and round-trips JSON values', async () => {
    expect(await store.get('c', 'nope')).toBeUndefined()
    const v = { v: 1, glosses: [{ text: '我', id: 'wo' }], n: null, zh: '今天下雨' }
    await store.put('c', 'k', v)
    expect(await store.get('c', 'k')).toEqual(v)
    await store.put('c', 'k', { v: 2 })
    expect(await store.get('c', 'k')).toEqual({ v: 2 })
    expect(await store.get('other', 'k')).toBeUndefined()
  })

  it('keeps keys with Chinese, colons and underscores apart', async () => {
    await store.put('c', 'a_b:今天', 1)
    await store.put('c', 'a:b_今天', 2)
    expect(await store.get('c', 'a_b:今天')).toBe(1)
    expect(await store.get('c', 'a:b_今天')).toBe(2)
  })

  it('increments counters from 0 and refuses to increment a non-number', async () => {
    expect(await store.increment('rate', 'u:1', 1)).toBe(1)
    expect(await store.increment('rate', 'u:1', 1)).toBe(2)
    expect(await store.increment('rate', 'u:1', 5)).toBe(7)
    expect(await store.get('rate', 'u:1')).toBe(7)
    await store.put('rate', 'obj', { a: 1 })
    await expect(store.increment('rate', 'obj', 1)).rejects.toThrow(/not a counter|non-numeric/)
    expect(await store.get('rate', 'obj')).toEqual({ a: 1 })
  })

  it('counts concurrent increments exactly', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => store.increment('rate', 'x', 1)))
    expect(await store.get('rate', 'x')).toBe(20)
    // The cloud store re-reads after _.inc, so concurrent callers may see a later count; never a lost one.
    expect(Math.max(...results)).toBe(20)
    expect(Math.min(...results)).toBeGreaterThanOrEqual(1)
  })

  it('lists by prefix in key order with a limit, and removes by prefix', async () => {
    for (const k of ['u1:3', 'u1:1', 'u2:1', 'u1:2', 'u10:1']) await store.put('h', k, { k })
    expect((await store.list('h', 'u1:', 10)).map(r => r.key)).toEqual(['u1:1', 'u1:2', 'u1:3'])
    expect((await store.list('h', 'u1:', 2)).map(r => r.key)).toEqual(['u1:1', 'u1:2'])
    expect((await store.list('h', 'u1:', 1))[0].value).toEqual({ k: 'u1:1' })
    expect(await store.list('h', 'zz', 10)).toEqual([])
    // Regex metacharacters in a prefix are literal.
    await store.put('h', 'a.b', 1); await store.put('h', 'axb', 2)
    expect((await store.list('h', 'a.', 10)).map(r => r.key)).toEqual(['a.b'])
    expect(await store.removePrefix('h', 'u1:')).toBe(3)
    expect((await store.list('h', 'u', 10)).map(r => r.key)).toEqual(['u10:1', 'u2:1'])
  })

  it('lists newest first on request: the last keys of a long list, not the first', async () => {
    for (let i = 0; i < 30; i++) await store.put('f', String(i).padStart(4, '0'), i)
    expect((await store.list('f', '', 3, 'desc')).map(r => r.value)).toEqual([29, 28, 27])
    expect((await store.list('f', '', 3)).map(r => r.value)).toEqual([0, 1, 2])
  })

  it('removes one key exactly (not the keys it is a prefix of)', async () => {
    await store.put('p', 'alice', 1); await store.put('p', 'alice2', 2)
    expect(await store.remove('p', 'alice')).toBe(1)
    expect(await store.remove('p', 'alice')).toBe(0)
    expect(await store.get('p', 'alice2')).toBe(2)
  })

  it('removes the values whose field has a value (one user\'s reports), and nothing else', async () => {
    await store.put('fb', '1-a', { user: 'aa', text: 'x' })
    await store.put('fb', '2-b', { user: 'bb', text: 'y' })
    await store.put('fb', '3-a', { user: 'aa', text: 'z' })
    await store.put('fb', '4-n', 7)
    expect(await store.removeWhere('fb', 'user', 'aa')).toBe(2)
    expect((await store.list('fb', '', 10)).map(r => r.key)).toEqual(['2-b', '4-n'])
  })

  it('removes every key before a key (expired time-keyed rows)', async () => {
    for (const k of ['m0001:a', 'm0002:b', 'm0003:a', 'm0003:c']) await store.put('r', k, 1)
    expect(await store.removeBefore('r', 'm0003')).toBe(2)
    expect((await store.list('r', '', 10)).map(r => r.key)).toEqual(['m0003:a', 'm0003:c'])
  })
})

describe('SQLite store file', () => {
  let dir: string
  beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'shouyu-store-')) })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('keeps data across reopen (npm start restarts) and creates the data folder', async () => {
    const path = join(dir, 'nested', 'data.sqlite')
    const a: SqliteStore = openSqliteStore(path)
    await a.put('translate_cache', 'k', { v: 1, x: '家 回 我 想' })
    await a.increment('rate', 'u:1', 3)
    a.close()
    const b = openSqliteStore(path)
    expect(await b.get('translate_cache', 'k')).toEqual({ v: 1, x: '家 回 我 想' })
    expect(await b.increment('rate', 'u:1', 1)).toBe(4)
    b.close()
  })

  it('refuses a file with another schema version instead of guessing', () => {
    const path = join(dir, 'old.sqlite')
    openSqliteStore(path).close()
    const raw = new Database(path)
    raw.prepare("UPDATE meta SET value = '999' WHERE name = 'schema'").run()
    raw.close()
    expect(() => openSqliteStore(path)).toThrow(/schema version 999/)
  })
})

describe('cloud database store specifics', () => {
  it('encodes doc ids injectively into a safe alphabet', () => {
    const keys = ['a_b', 'a:b', 'a_3Ab', '今天', 'abc-1']
    const ids = keys.map(encodeDocId)
    expect(new Set(ids).size).toBe(keys.length)
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]+$/)
  })

  it('creates a missing collection on first use', async () => {
    const fake = createFakeCloud()
    const store = cloudDbStore(fake.database())
    expect(fake.collections.has('rate')).toBe(false)
    expect(await store.increment('rate', 'k', 1)).toBe(1)
    expect(fake.collections.has('rate')).toBe(true)
  })
})

describe('env.ts mode selection', () => {
  const saved = process.env.SHOUYU_SQLITE
  afterEach(() => {
    if (saved === undefined) delete process.env.SHOUYU_SQLITE; else process.env.SHOUYU_SQLITE = saved
    setCloudForTests(null)
  })

  it('local mode: SQLite store cached per process, user from __localUser or local-user', async () => {
    process.env.SHOUYU_SQLITE = ':memory:'
    setCloudForTests(null)
    expect(isLocal()).toBe(true)
    const s = openStore()
    expect(openStore()).toBe(s)
    await s.put('c', 'k', 1)
    expect(await openStore().get('c', 'k')).toBe(1)
    expect(getOpenId({ __localUser: 'alice' })).toBe('alice')
    expect(getOpenId({ __localUser: 5 })).toBe(LOCAL_USER)
    expect(getOpenId(null)).toBe(LOCAL_USER)
    resetStoreForTests()
    expect(await openStore().get('c', 'k')).toBeUndefined() // a fresh :memory: database
  })

  it('WeChat mode: injected cloud module, cloud store, OPENID from the WeChat context', async () => {
    delete process.env.SHOUYU_SQLITE
    const fake = createFakeCloud({ openid: 'o_abc' })
    setCloudForTests(fake)
    expect(isLocal()).toBe(false)
    expect(getOpenId({ __localUser: 'spoof' })).toBe('o_abc') // the client cannot choose its identity
    expect(fake.initCalls).toBe(1)
    await openStore().put('c', 'k', { a: 1 })
    expect(fake.collections.get('c')?.size).toBe(1)
    fake.openid = undefined
    expect(getOpenId({})).toBe('')
  })
})
