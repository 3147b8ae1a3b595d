/**
 * An in-memory stand-in for the subset of wx-server-sdk the functions use (database, openapi
 * msgSecCheck, getWXContext), for tests only: the real SDK must never run in tests (it leaks an
 * unhandled rejection that kills Node outside the cloud). Behaves like the cloud where it matters
 * to us: a missing collection fails with errCode -502005 until created, add() with an existing
 * _id fails, _.inc is applied server-side.
 */
import type { CloudModule, MsgSecCheckResult } from './env'
import type { CloudCollection, CloudDatabase, CloudQuery } from './store-clouddb'

interface IncOp { __inc: number }
interface RegExpOp { __regexp: RegExp }
interface LtOp { __lt: string }

export class FakeCloudError extends Error {
  constructor (public errCode: number, public errMsg: string) { super(errMsg) }
}

export interface FakeCloud extends CloudModule {
  /** Collections → _id → document. */
  collections: Map<string, Map<string, Record<string, unknown>>>
  /** Every msgSecCheck call, in order. */
  secChecks: Array<{ openid: string, scene: number, version: number, content: string }>
  /** Decides each msgSecCheck answer; throw a FakeCloudError to simulate a platform error. */
  secCheck: (content: string) => MsgSecCheckResult
  openid: string | undefined
  initCalls: number
}

export function createFakeCloud (opts: { openid?: string, autoCreate?: boolean } = {}): FakeCloud {
  const collections = new Map<string, Map<string, Record<string, unknown>>>()
  const need = (name: string): Map<string, Record<string, unknown>> => {
    let c = collections.get(name)
    if (!c && opts.autoCreate) { c = new Map(); collections.set(name, c) }
    if (!c) throw new FakeCloudError(-502005, `database collection not exists: ${name}`)
    return c
  }
  // Dot notation reaches nested fields ('value.user'), as the cloud database does.
  const field = (doc: Record<string, unknown>, path: string): unknown =>
    path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), doc)
  const matches = (doc: Record<string, unknown>, cond: Record<string, unknown>): boolean =>
    Object.entries(cond).every(([k, v]) => {
      const x = field(doc, k)
      if (v && typeof v === 'object' && '__regexp' in v) return typeof x === 'string' && (v as RegExpOp).__regexp.test(x)
      if (v && typeof v === 'object' && '__lt' in v) return typeof x === 'string' && x < (v as LtOp).__lt
      return x === v
    })
  const apply = (doc: Record<string, unknown>, data: Record<string, unknown>): void => {
    for (const [k, v] of Object.entries(data)) {
      if (v && typeof v === 'object' && '__inc' in v) {
        if (doc[k] !== undefined && typeof doc[k] !== 'number') throw new FakeCloudError(-502003, `cannot inc non-numeric field ${k}`)
        doc[k] = (typeof doc[k] === 'number' ? doc[k] as number : 0) + (v as IncOp).__inc
      }
      else doc[k] = JSON.parse(JSON.stringify(v))
    }
  }
  const query = (name: string, cond: Record<string, unknown>, order?: [string, 'asc' | 'desc'], lim = 100): CloudQuery => ({
    async get () {
      let docs = [...need(name).values()].filter(d => matches(d, cond))
      if (order) {
        const [f, dir] = order
        docs.sort((a, b) => (String(a[f]) < String(b[f]) ? -1 : String(a[f]) > String(b[f]) ? 1 : 0) * (dir === 'asc' ? 1 : -1))
      }
      docs = docs.slice(0, lim)
      return { data: docs.map(d => JSON.parse(JSON.stringify(d))) }
    },
    async remove () {
      const c = need(name)
      let removed = 0
      for (const [id, d] of c) if (matches(d, cond)) { c.delete(id); removed++ }
      return { stats: { removed } }
    },
    orderBy (field, dir) { return query(name, cond, [field, dir], lim) },
    limit (n) { return query(name, cond, order, n) }
  })
  const collection = (name: string): CloudCollection => ({
    doc (id) {
      return {
        async set ({ data }) { const c = need(name); const d = { _id: id }; apply(d, data); c.set(id, d); return {} },
        async update ({ data }) {
          const d = need(name).get(id)
          if (!d) return { stats: { updated: 0 } }
          apply(d, data)
          return { stats: { updated: 1 } }
        },
        async remove () {
          return { stats: { removed: need(name).delete(id) ? 1 : 0 } }
        }
      }
    },
    async add ({ data }) {
      const c = need(name)
      const id = typeof data._id === 'string' ? data._id : `auto${c.size}`
      if (c.has(id)) throw new FakeCloudError(-502001, `duplicate key _id ${id}`)
      const d: Record<string, unknown> = { _id: id }
      apply(d, data)
      c.set(id, d)
      return { _id: id }
    },
    where (cond) { return query(name, cond) }
  })
  const db: CloudDatabase = {
    collection,
    command: { inc: (n: number): IncOp => ({ __inc: n }), lt: (v: string): LtOp => ({ __lt: v }) },
    RegExp: ({ regexp, options }) => ({ __regexp: new RegExp(regexp, options) }),
    async createCollection (name: string) {
      if (collections.has(name)) throw new FakeCloudError(-501001, 'collection exists')
      collections.set(name, new Map())
      return {}
    }
  }
  const fake: FakeCloud = {
    collections,
    secChecks: [],
    secCheck: () => ({ result: { suggest: 'pass', label: 100 }, errCode: 0, errMsg: 'openapi.security.msgSecCheck:ok' }),
    openid: opts.openid ?? 'o_fake_user',
    initCalls: 0,
    DYNAMIC_CURRENT_ENV: Symbol('DYNAMIC_CURRENT_ENV'),
    init () { fake.initCalls++ },
    getWXContext () { return fake.openid === undefined ? {} : { OPENID: fake.openid } },
    database () { return db },
    openapi: {
      security: {
        async msgSecCheck (args) {
          fake.secChecks.push(args)
          return fake.secCheck(args.content)
        }
      }
    }
  }
  return fake
}
