/**
 * Who is calling the local server: an anonymous user id the server issues itself, in a signed
 * HttpOnly cookie. It stands in for WeChat's openid, which WeChat (not the page) vouches for: a
 * page or script can neither read the cookie nor choose or forge an id, so one user cannot read
 * another's progress or spend their translate quota.
 *
 * The HMAC secret is SHOUYU_COOKIE_SECRET when set, else a random secret kept in the data folder
 * (`cookie-secret`, mode 0600, created on first start) so ids outlive a restart. An in-memory
 * store (':memory:', tests) gets a secret per process.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export const COOKIE_NAME = 'shouyu_uid'
/** File name of the generated secret inside the data folder. */
export const SECRET_FILE = 'cookie-secret'
/** s; two years: an anonymous learner should not lose their synced progress to an expired cookie. */
const COOKIE_MAX_AGE_S = 2 * 365 * 24 * 3600
/** Random bytes of a user id (base-36 text): 80 bits, unguessable. */
const ID_BYTES = 10
/** A secret shorter than this (characters) is refused: it could be guessed. */
const MIN_SECRET_CHARS = 32
/**
 * New ids per client address per minute. A browser needs one; a script that drops its cookie to
 * get a fresh id (and a fresh rate-limit budget) on every call gets this many, then 429.
 */
export const DEFAULT_NEW_USERS_PER_MINUTE = 60
const ID_PATTERN = /^u[0-9a-z]{8,40}$/

/** The secret from `env` or `<dataDir>/cookie-secret` (created if missing), or a per-process one. */
export function loadSecret (dataDir: string | undefined, fromEnv: string | undefined): string {
  if (fromEnv !== undefined && fromEnv !== '') {
    if (fromEnv.length < MIN_SECRET_CHARS) throw new Error(`SHOUYU_COOKIE_SECRET 至少要 ${MIN_SECRET_CHARS} 个字符`)
    return fromEnv
  }
  if (!dataDir) return randomBytes(32).toString('hex')
  const file = join(dataDir, SECRET_FILE)
  if (existsSync(file)) {
    const s = readFileSync(file, 'utf8').trim()
    if (s.length >= MIN_SECRET_CHARS) return s
  }
  mkdirSync(dataDir, { recursive: true })
  const s = randomBytes(32).toString('hex')
  writeFileSync(file, s + '\n', { mode: 0o600 })
  chmodSync(file, 0o600) // an existing (short) file keeps its mode otherwise
  return s
}

function sign (secret: string, id: string): string {
  return createHmac('sha256', secret).update('shouyu-user:' + id).digest('base64url')
}

/** The user id in a Cookie header when its signature holds, else null. */
export function userFromCookie (secret: string, header: string | undefined): string | null {
  if (!header) return null
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq < 0 || part.slice(0, eq).trim() !== COOKIE_NAME) continue
    const value = part.slice(eq + 1).trim()
    const dot = value.indexOf('.')
    if (dot < 0) continue
    const id = value.slice(0, dot)
    if (!ID_PATTERN.test(id)) continue
    const given = Buffer.from(value.slice(dot + 1))
    const want = Buffer.from(sign(secret, id))
    if (given.length === want.length && timingSafeEqual(given, want)) return id
  }
  return null
}

export function newUserId (): string {
  return 'u' + BigInt('0x' + randomBytes(ID_BYTES).toString('hex')).toString(36)
}

/**
 * The Set-Cookie header value for `id`. HttpOnly: scripts cannot read it. SameSite=Lax: another
 * site's POST or fetch never carries it (the API is POST only), while a shared link opened from
 * a chat still does, so arriving by a link never costs the learner their id (Strict would send no
 * cookie on that first page load, and the server would issue a fresh one over it).
 */
export function cookieFor (secret: string, id: string): string {
  return `${COOKIE_NAME}=${id}.${sign(secret, id)}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${COOKIE_MAX_AGE_S}`
}

/** Counts fresh ids per address per clock minute; old minutes are forgotten as time moves on. */
export class NewUserRation {
  private minute = -1
  private counts = new Map<string, number>()
  constructor (private readonly perMinute: number, private readonly now: () => number = Date.now) {}

  /** True (and counted) when `address` may have one more fresh id this minute. */
  take (address: string): boolean {
    const m = Math.floor(this.now() / 60000)
    if (m !== this.minute) { this.minute = m; this.counts.clear() }
    const n = (this.counts.get(address) ?? 0) + 1
    if (n > this.perMinute) return false
    this.counts.set(address, n)
    return true
  }
}
