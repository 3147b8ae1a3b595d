/**
 * Consent, in one place, for everything that sends what a user says or types to a model, and for
 * WeChat's privacy guide (《小程序用户隐私保护指引》, `__usePrivacyCheck__` in app.config).
 *
 * - requireConsent(purpose) before sending a sentence to the model ('model') or recording speech
 *   ('record', the speech input): resolves true once the user has agreed (asked once, remembered
 *   in storage); false when they decline — the caller then does without (offline rules, no mic).
 * - WeChat itself asks, through wx.onNeedPrivacyAuthorization, when a privacy API (the recorder)
 *   is called before the user agreed to the guide: initPrivacy() answers it with the same popup,
 *   whose 同意 button is WeChat's agreePrivacyAuthorization button.
 * - The popup is components/PrivacyPopup, mounted by the pages that can ask; with none mounted,
 *   a system dialog asks instead (H5), or the 隐私 page opens with the popup (weapp: only that
 *   button can record WeChat's consent).
 *
 * Stored: `shouyu.consent` = { v: 1, model?: { on, at }, record?: { on, at }, sync?: { on, at } }.
 * `sync` off means: do not upload progress by itself (after the user deleted their cloud copy).
 */
import Taro from '@tarojs/taro'

export type ConsentPurpose = 'model' | 'record'
/** What the popup is asked for: one of ours, or WeChat's own privacy check. */
export type ConsentAsk = ConsentPurpose | 'wechat'

export const CONSENT_KEY = 'shouyu.consent'
export const CONSENT_VERSION = 1
/** The id WeChat expects back from the agree button (its buttonId). */
export const AGREE_BUTTON_ID = 'privacy-agree'

interface Choice { on: boolean, at: number }
interface ConsentRecord { v: typeof CONSENT_VERSION, model?: Choice, record?: Choice, sync?: Choice }

export interface ConsentRequest {
  ask: ConsentAsk
  /** The popup calls this once with the user's answer. */
  answer: (agree: boolean) => void
}

const isChoice = (v: unknown): v is Choice =>
  typeof v === 'object' && v !== null && typeof (v as Choice).on === 'boolean' && typeof (v as Choice).at === 'number'

function load (): ConsentRecord {
  try {
    const raw = Taro.getStorageSync(CONSENT_KEY)
    const v = typeof raw === 'string' && raw !== '' ? JSON.parse(raw) : raw
    if (typeof v !== 'object' || v === null || v.v !== CONSENT_VERSION) return { v: CONSENT_VERSION }
    const out: ConsentRecord = { v: CONSENT_VERSION }
    for (const k of ['model', 'record', 'sync'] as const) if (isChoice(v[k])) out[k] = v[k]
    return out
  } catch {
    return { v: CONSENT_VERSION }
  }
}

function save (r: ConsentRecord): void {
  try { Taro.setStorageSync(CONSENT_KEY, JSON.stringify(r)) } catch { /* asked again next time: never wrong */ }
}

/** true / false once the user chose; undefined while never asked. */
export function consentFor (purpose: ConsentPurpose): boolean | undefined {
  return load()[purpose]?.on
}

export function setConsent (purpose: ConsentPurpose, on: boolean, now = Date.now()): void {
  save({ ...load(), [purpose]: { on, at: now } })
}

/** Whether progress may be uploaded by itself (true unless the user deleted their cloud copy since). */
export function autoSyncAllowed (): boolean {
  return load().sync?.on !== false
}

export function setAutoSync (on: boolean, now = Date.now()): void {
  save({ ...load(), sync: { on, at: now } })
}

// The popup currently on screen registers here (one at a time: the page in front).
type Presenter = (req: ConsentRequest) => void
const presenters: Presenter[] = []

/** For components/PrivacyPopup: shows requests while mounted; returns the unregister. */
export function registerConsentPresenter (p: Presenter): () => void {
  presenters.push(p)
  return () => { const i = presenters.lastIndexOf(p); if (i >= 0) presenters.splice(i, 1) }
}

export const CONSENT_TEXT: Readonly<Record<ConsentAsk, string>> = {
  model: '翻译时，你输入的句子会发送到智谱 GLM 大模型，按中国手语的语序转换成手语。同意后才会发送；不同意也能翻译，但只用离线规则，效果差一些。',
  record: '语音输入时，你说的话会录音并发送到智谱 GLM-ASR 转成文字，再翻译成手语。录音不会保存。同意后才会开始录音。',
  wechat: '使用这项功能前，请阅读并同意《隐私说明》：我们只为翻译、同步学习进度和处理纠错使用你提供的内容。'
}

/** Asks with the popup in front, or with whatever can ask when no popup is mounted. */
function present (ask: ConsentAsk): Promise<boolean> {
  return new Promise(resolve => {
    let done = false
    const answer = (agree: boolean): void => { if (!done) { done = true; resolve(agree) } }
    const p = presenters[presenters.length - 1]
    if (p) { p({ ask, answer }); return }
    if (process.env.TARO_ENV === 'weapp' && ask === 'wechat') {
      // Only the popup's agreePrivacyAuthorization button records WeChat's consent: open the 隐私
      // page, whose popup takes this request once it mounts.
      pendingAsk = { ask, answer }
      Taro.navigateTo({ url: '/pkg/privacy/index?ask=1' }).catch(() => answer(false))
      return
    }
    Taro.showModal({ title: '隐私保护提示', content: CONSENT_TEXT[ask], confirmText: '同意', cancelText: '不同意' })
      .then(r => answer(r.confirm === true), () => answer(false))
  })
}

let pendingAsk: ConsentRequest | null = null

/** A request that waited for a popup to mount (weapp, WeChat's own check); the popup takes it. */
export function takePendingRequest (): ConsentRequest | null {
  const r = pendingAsk
  pendingAsk = null
  return r
}

/**
 * Resolves true when `purpose` may go ahead: the user agreed now or before. A user who declined
 * the model is not asked again (they change it on the 隐私 page); a declined recording is asked
 * again at the next tap of the microphone (they asked for it).
 */
export async function requireConsent (purpose: ConsentPurpose): Promise<boolean> {
  const known = consentFor(purpose)
  if (known === true) return true
  if (known === false && purpose === 'model') return false
  const agree = await present(purpose)
  setConsent(purpose, agree)
  return agree
}

let inited = false

/** WeChat asks through us when a privacy API needs the user's consent (weapp only). */
export function initPrivacy (): void {
  if (inited || process.env.TARO_ENV !== 'weapp') return
  inited = true
  const wxApi = (globalThis as { wx?: { onNeedPrivacyAuthorization?: (cb: (resolve: (r: object) => void) => void) => void } }).wx
  if (!wxApi || typeof wxApi.onNeedPrivacyAuthorization !== 'function') return // base library < 2.32.3
  wxApi.onNeedPrivacyAuthorization(resolve => {
    present('wechat').then(agree => resolve(agree ? { buttonId: AGREE_BUTTON_ID, event: 'agree' } : { event: 'disagree' }))
  })
}

/** Test hook: forget the registration and any waiting request. */
export function resetPrivacyForTests (): void {
  inited = false
  pendingAsk = null
  presenters.length = 0
}
