/**
 * Store on the WeChat cloud database (wx-server-sdk). Each Store collection is a cloud
 * collection; each key is one document whose _id is the key encoded into [A-Za-z0-9-_] (see
 * encodeDocId) and which also keeps the original `key` (for prefix listing) and the `value`.
 *
 * Only the small subset of the SDK used here is typed (CloudDatabase), so tests can pass a fake.
 */
import type { Store } from './store'

/** The part of `cloud.database()` this store uses. */
export interface CloudDatabase {
  collection (name: string): CloudCollection
  command: { inc (n: number): unknown, lt (v: string): unknown }
  RegExp (opts: { regexp: string, options?: string }): unknown
  createCollection? (name: string): Promise<unknown>
}

export interface CloudQuery {
  get (): Promise<{ data: Array<Record<string, unknown>> }>
  remove (): Promise<{ stats: { removed: number } }>
  orderBy (field: string, order: 'asc' | 'desc'): CloudQuery
  limit (n: number): CloudQuery
}

export interface CloudCollection {
  doc (id: string): {
    set (opts: { data: Record<string, unknown> }): Promise<unknown>
    update (opts: { data: Record<string, unknown> }): Promise<{ stats: { updated: number } }>
    remove (): Promise<{ stats: { removed: number } }>
  }
  add (opts: { data: Record<string, unknown> }): Promise<unknown>
  where (cond: Record<string, unknown>): CloudQuery
}

/** wx-server-sdk error code for a collection that does not exist yet. */
const COLLECTION_MISSING = -502005
/** The cloud database returns at most 1000 documents per query from a cloud function. */
const MAX_LIST = 1000

/** Injective: [A-Za-z0-9-] stay, every other UTF-8 byte (and '_') becomes _XX. */
export function encodeDocId (key: string): string {
  let out = ''
  for (const ch of key) {
    if (/^[A-Za-z0-9-]$/.test(ch)) { out += ch; continue }
    for (const b of new TextEncoder().encode(ch)) out += '_' + b.toString(16).toUpperCase().padStart(2, '0')
  }
  return out
}

function escapeRegExp (s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

function errCode (e: unknown): unknown {
  return (e as { errCode?: unknown } | null)?.errCode
}

export function cloudDbStore (db: CloudDatabase): Store {
  /** Runs op; if the collection is missing, creates it once and retries. */
  async function withCollection<T> (name: string, op: () => Promise<T>): Promise<T> {
    try {
      return await op()
    } catch (e) {
      if (errCode(e) !== COLLECTION_MISSING || !db.createCollection) throw e
      await db.createCollection(name).catch(() => undefined) // another instance may have created it
      return await op()
    }
  }
  const byPrefix = (prefix: string): Record<string, unknown> =>
    ({ key: db.RegExp({ regexp: '^' + escapeRegExp(prefix) }) })

  async function get (collection: string, key: string): Promise<unknown> {
    const r = await withCollection(collection, () => db.collection(collection).where({ _id: encodeDocId(key) }).get())
    return r.data.length > 0 ? r.data[0].value : undefined
  }

  return {
    get,
    async put (collection, key, value) {
      await withCollection(collection, () => db.collection(collection).doc(encodeDocId(key)).set({ data: { key, value } }))
    },
    async increment (collection, key, by) {
      const id = encodeDocId(key)
      const c = (): CloudCollection => db.collection(collection)
      // _.inc is atomic on the server. When the document does not exist yet, add() with a fixed
      // _id fails for all but one concurrent creator; the losers fall back to update again.
      await withCollection(collection, async () => {
        const r = await c().doc(id).update({ data: { value: db.command.inc(by) } })
        if (r.stats.updated > 0) return
        try {
          await c().add({ data: { _id: id, key, value: by } })
        } catch (e) {
          if (errCode(e) === COLLECTION_MISSING) throw e
          await c().doc(id).update({ data: { value: db.command.inc(by) } })
        }
      })
      const v = await get(collection, key)
      if (typeof v !== 'number') throw new Error(`store ${collection}/${key} is not a counter`)
      return v
    },
    async list (collection, prefix, limit, order = 'asc') {
      const n = Math.max(0, Math.min(MAX_LIST, Math.floor(limit)))
      if (n === 0) return []
      const r = await withCollection(collection, () =>
        db.collection(collection).where(byPrefix(prefix)).orderBy('key', order).limit(n).get())
      return r.data.map(d => ({ key: String(d.key), value: d.value }))
    },
    async removePrefix (collection, prefix) {
      const r = await withCollection(collection, () => db.collection(collection).where(byPrefix(prefix)).remove())
      return r.stats.removed
    },
    async remove (collection, key) {
      const r = await withCollection(collection, () => db.collection(collection).doc(encodeDocId(key)).remove())
      return r.stats.removed
    },
    async removeWhere (collection, field, value) {
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(field)) throw new Error(`bad field name ${field}`)
      // Dot notation reaches the field inside the stored `value` (a nested-field match).
      const r = await withCollection(collection, () => db.collection(collection).where({ [`value.${field}`]: value }).remove())
      return r.stats.removed
    },
    async removeBefore (collection, key) {
      const r = await withCollection(collection, () => db.collection(collection).where({ key: db.command.lt(key) }).remove())
      return r.stats.removed
    }
  }
}
