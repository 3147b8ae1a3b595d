/**
 * Store on an embedded SQLite database (better-sqlite3 12), used locally (npm start, CLI) and in
 * tests. One table keyed by (collection, key) holding JSON text: collections are created on
 * first use, exactly like the cloud database does for us in store-clouddb.ts.
 *
 * better-sqlite3 is required lazily so the WeChat bundle (where it is external and absent) never
 * loads it.
 */
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import type BetterSqlite3 from 'better-sqlite3'
import type { Store } from './store'

/** Bump when the table layout changes; a file with another version is refused, not guessed at. */
export const SQLITE_STORE_SCHEMA_VERSION = 1

export interface SqliteStore extends Store {
  /** Closes the database file (tests, process exit). */
  close (): void
  /** The path given to openSqliteStore. */
  readonly path: string
}

export function openSqliteStore (path: string): SqliteStore {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the native SQLite module is loaded only in local mode, never in the WeChat bundle
  const Database = require('better-sqlite3') as typeof BetterSqlite3
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  const db = new Database(path)
  // WAL: readers never block the writer, so `npm start` with several functions stays responsive.
  if (path !== ':memory:') db.pragma('journal_mode = WAL')
  // In WAL mode NORMAL syncs at checkpoints, not at every commit: a committed write survives the
  // process being killed (the fault test proves it) and may be lost only to a power cut, and no
  // fsync stalls the event loop on each rate-limit count (npm start is one process for all calls).
  db.pragma('synchronous = NORMAL')
  db.pragma('busy_timeout = 2000')
  db.exec(`CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS kv (
      collection TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL,
      PRIMARY KEY (collection, key)) WITHOUT ROWID;`)
  const version = db.prepare('SELECT value FROM meta WHERE name = ?').pluck().get('schema') as string | undefined
  if (version === undefined) {
    db.prepare('INSERT INTO meta (name, value) VALUES (?, ?)').run('schema', String(SQLITE_STORE_SCHEMA_VERSION))
  } else if (version !== String(SQLITE_STORE_SCHEMA_VERSION)) {
    db.close()
    throw new Error(`SQLite store ${path} has schema version ${version}, expected ${SQLITE_STORE_SCHEMA_VERSION}`)
  }

  const getStmt = db.prepare('SELECT value FROM kv WHERE collection = ? AND key = ?').pluck()
  const putStmt = db.prepare(`INSERT INTO kv (collection, key, value) VALUES (?, ?, ?)
    ON CONFLICT (collection, key) DO UPDATE SET value = excluded.value`)
  // The primary-key range does the prefix search; substr() guards keys past the upper bound char.
  const listStmt = db.prepare(`SELECT key, value FROM kv WHERE collection = ? AND key >= ?
    AND substr(key, 1, length(?)) = ? ORDER BY key LIMIT ?`)
  const listDescStmt = db.prepare(`SELECT key, value FROM kv WHERE collection = ? AND key >= ?
    AND substr(key, 1, length(?)) = ? ORDER BY key DESC LIMIT ?`)
  const removeStmt = db.prepare('DELETE FROM kv WHERE collection = ? AND substr(key, 1, length(?)) = ?')
  const removeOneStmt = db.prepare('DELETE FROM kv WHERE collection = ? AND key = ?')
  // A full scan of the collection: run on a user's request (delete my reports), not per call.
  const removeWhereStmt = db.prepare("DELETE FROM kv WHERE collection = ? AND json_type(value) = 'object' AND json_extract(value, '$.' || ?) = ?")
  const removeBeforeStmt = db.prepare('DELETE FROM kv WHERE collection = ? AND key < ?')
  // IMMEDIATE takes the write lock before reading, so two processes cannot both read the old count.
  const incrementTx = db.transaction((collection: string, key: string, by: number): number => {
    const raw = getStmt.get(collection, key) as string | undefined
    const current = raw === undefined ? 0 : JSON.parse(raw)
    if (typeof current !== 'number') throw new Error(`store ${collection}/${key} is not a counter`)
    const next = current + by
    putStmt.run(collection, key, JSON.stringify(next))
    return next
  })

  return {
    path,
    async get (collection, key) {
      const raw = getStmt.get(collection, key) as string | undefined
      return raw === undefined ? undefined : JSON.parse(raw)
    },
    async put (collection, key, value) {
      const json = JSON.stringify(value)
      if (json === undefined) throw new Error('store value must be JSON-serialisable')
      putStmt.run(collection, key, json)
    },
    async increment (collection, key, by) {
      if (!Number.isFinite(by)) throw new Error('increment must be a finite number')
      return incrementTx.immediate(collection, key, by)
    },
    async list (collection, prefix, limit, order = 'asc') {
      const stmt = order === 'desc' ? listDescStmt : listStmt
      const rows = stmt.all(collection, prefix, prefix, prefix, Math.max(0, Math.floor(limit))) as Array<{ key: string, value: string }>
      return rows.map(r => ({ key: r.key, value: JSON.parse(r.value) }))
    },
    async removePrefix (collection, prefix) {
      return removeStmt.run(collection, prefix, prefix).changes
    },
    async remove (collection, key) {
      return removeOneStmt.run(collection, key).changes
    },
    async removeWhere (collection, field, value) {
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(field)) throw new Error(`bad field name ${field}`)
      return removeWhereStmt.run(collection, field, value).changes
    },
    async removeBefore (collection, key) {
      return removeBeforeStmt.run(collection, key).changes
    },
    close () {
      if (db.open) db.close()
    }
  }
}
