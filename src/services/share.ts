/**
 * Sharing a sign or a translation: what the chat card says and where it opens (weapp: the page's
 * onShareAppMessage / onShareTimeline), and on H5 a link to the same page copied to the clipboard.
 */
import Taro from '@tarojs/taro'

export interface ShareTarget {
  /** 「谢谢」的手语怎么打 */
  title: string
  /** The page with its query, as WeChat opens it: /pkg/sign/index?id=xiexie */
  path: string
  /** The query alone (Moments: onShareTimeline takes the page's own path). */
  query: string
}

/** Characters of a shared sentence kept in the card title: a chat card shows about two lines. */
const TITLE_SENTENCE_CHARS = 18

export function signShare (id: string, word: string): ShareTarget {
  const query = `id=${encodeURIComponent(id)}`
  return { title: `「${word}」的手语怎么打`, path: `/pkg/sign/index?${query}`, query }
}

export function sentenceShare (sentence: string): ShareTarget {
  const chars = Array.from(sentence)
  const shown = chars.length > TITLE_SENTENCE_CHARS ? chars.slice(0, TITLE_SENTENCE_CHARS).join('') + '…' : sentence
  const query = `q=${encodeURIComponent(sentence)}`
  return { title: `「${shown}」用手语怎么打`, path: `/pages/translate/index?${query}`, query }
}

/** H5: the address of the page (the hash router's form). */
export function shareLink (t: ShareTarget): string {
  const { origin, pathname } = window.location
  return `${origin}${pathname}#${t.path}`
}

async function writeClipboard (text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text)
      return true
    }
  } catch { /* permission refused: the selection fallback below */ }
  // An http page on a LAN address is not a secure context: copy through a selection.
  const area = document.createElement('textarea')
  area.value = text
  area.setAttribute('readonly', '')
  area.style.position = 'fixed'
  area.style.opacity = '0'
  document.body.appendChild(area)
  area.select()
  let ok: boolean
  try { ok = document.execCommand('copy') } catch { ok = false }
  area.remove()
  return ok
}

/** H5 share: copies the link; the message says what happened and what to do next. */
export async function copyShareLink (t: ShareTarget): Promise<{ ok: boolean, link: string, message: string }> {
  const link = shareLink(t)
  const ok = await writeClipboard(link)
  return ok
    ? { ok, link, message: '链接已复制。发到微信聊天里，对方点开就能看到。' }
    : { ok, link, message: `没能自动复制，请长按复制这个链接：${link}` }
}

/** weapp: the share menu with both chat and Moments (朋友圈). */
export function enableShareMenu (): void {
  if (process.env.TARO_ENV !== 'weapp') return
  // Taro names WeChat's `menus` showShareItems (wechatFriends → shareAppMessage, wechatMoment → shareTimeline).
  Taro.showShareMenu({ withShareTicket: false, showShareItems: ['wechatFriends', 'wechatMoment'] } as any).catch(() => {})
}
