/**
 * Where a cloud function runs, decided from the environment only:
 * - SHOUYU_SQLITE set (a file path, or ':memory:') → local mode: Store on SQLite, the user is
 *   `event.__localUser` (a string) or 'local-user', msgSecCheck is skipped.
 * - otherwise → WeChat mode: wx-server-sdk (required lazily), Store on the cloud database, the
 *   user is cloud.getWXContext().OPENID.
 *
 * Tests never load the real wx-server-sdk (it leaks unhandled rejections outside the cloud):
 * they inject a fake with setCloudForTests().
 */
import type { Store } from './store'
import { openSqliteStore, type SqliteStore } from './store-sqlite'
import { cloudDbStore, type CloudDatabase } from './store-clouddb'

/** Result of cloud.openapi.security.msgSecCheck (v2), after the SDK's snake→camel conversion. */
export interface MsgSecCheckResult {
  result?: { suggest?: string, label?: number | string }
  errCode?: number
  errMsg?: string
}

/** The part of wx-server-sdk the functions use. */
export interface CloudModule {
  DYNAMIC_CURRENT_ENV: unknown
  init (opts: { env: unknown }): void
  getWXContext (): { OPENID?: string, APPID?: string, UNIONID?: string }
  database (): CloudDatabase
  openapi: {
    security: {
      msgSecCheck (opts: { openid: string, scene: number, version: number, content: string }): Promise<MsgSecCheckResult>
    }
  }
}

/** The user id used in local mode when the request names none. */
export const LOCAL_USER = 'local-user'

let cloudOverride: CloudModule | null = null
let cloudInstance: CloudModule | null = null
let storeCache: { mode: string, store: Store } | null = null

export function isLocal (): boolean {
  const v = process.env.SHOUYU_SQLITE
  return typeof v === 'string' && v !== ''
}

/** Test hook: use `fake` instead of wx-server-sdk (null restores). Also drops the cached store. */
export function setCloudForTests (fake: CloudModule | null): void {
  cloudOverride = fake
  cloudInstance = null
  resetStoreForTests()
}

/** Test hook: closes and forgets the cached store, so the next openStore() starts afresh. */
export function resetStoreForTests (): void {
  const s = storeCache?.store as Partial<SqliteStore> | undefined
  if (s && typeof s.close === 'function') s.close()
  storeCache = null
}

/** wx-server-sdk, initialised once per process for the current environment. */
export function getCloud (): CloudModule {
  if (cloudInstance) return cloudInstance
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- wx-server-sdk exists only in the WeChat cloud; local runs never load it
  const cloud: CloudModule = cloudOverride ?? require('wx-server-sdk')
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })
  cloudInstance = cloud
  return cloud
}

/** The Store for this process (opened once; reopened if SHOUYU_SQLITE changes, e.g. in tests). */
export function openStore (): Store {
  const mode = isLocal() ? `sqlite:${process.env.SHOUYU_SQLITE as string}` : 'cloud'
  if (storeCache && storeCache.mode === mode) return storeCache.store
  resetStoreForTests()
  const store = isLocal()
    ? openSqliteStore(process.env.SHOUYU_SQLITE as string)
    : cloudDbStore(getCloud().database())
  storeCache = { mode, store }
  return store
}

/**
 * The calling user's openid. Local mode: event.__localUser if it is a non-empty string, else
 * 'local-user'. WeChat mode: OPENID from the WeChat context, or '' when the call did not come
 * from the mini-program (e.g. the HTTP API) — callers storing per-user data must refuse ''.
 */
export function getOpenId (event: unknown): string {
  if (isLocal()) {
    const u = (event !== null && typeof event === 'object') ? (event as Record<string, unknown>).__localUser : undefined
    return typeof u === 'string' && u !== '' ? u : LOCAL_USER
  }
  const id = getCloud().getWXContext().OPENID
  return typeof id === 'string' ? id : ''
}
