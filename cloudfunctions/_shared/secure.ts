/**
 * Content security (WeChat msgSecCheck v2, scene 2, version 2) for user text and model output.
 * Policy (docs/translate.md):
 * - local mode: skipped, and the response says `safety: 'skipped-local'`;
 * - 'pass' → pass; 'risky' → refuse; 'review' (uncertain) → pass, logged;
 * - a platform error (quota, network, openid not seen in 2 h…) → fail open, logged: the
 *   translator stays usable, and the model has its own safety filter (1301) behind it.
 */
import { getCloud, isLocal } from './env'

export type SafetyVerdict = 'pass' | 'risky' | 'review' | 'error' | 'skipped'

/** WeChat's limit on one check, in characters. */
export const MSG_SEC_CHECK_MAX_CHARS = 2500

export async function checkText (content: string, openid: string): Promise<{ verdict: SafetyVerdict, label?: unknown }> {
  if (isLocal()) return { verdict: 'skipped' }
  try {
    const r = await getCloud().openapi.security.msgSecCheck({
      openid, scene: 2, version: 2, content: [...content].slice(0, MSG_SEC_CHECK_MAX_CHARS).join('')
    })
    const suggest = r?.result?.suggest
    if (suggest === 'pass') return { verdict: 'pass' }
    if (suggest === 'risky') return { verdict: 'risky', label: r.result?.label }
    if (suggest === 'review') {
      console.warn('[msgSecCheck] review, allowed:', r.result?.label)
      return { verdict: 'review', label: r.result?.label }
    }
    console.warn('[msgSecCheck] unexpected answer, failing open:', JSON.stringify(r))
    return { verdict: 'error' }
  } catch (e) {
    const err = e as { errCode?: unknown, errMsg?: unknown, message?: unknown }
    console.warn('[msgSecCheck] platform error, failing open:', err?.errCode ?? '', err?.errMsg ?? err?.message ?? e)
    return { verdict: 'error' }
  }
}

/** True when the verdict lets the text through. */
export function allowed (v: SafetyVerdict): boolean {
  return v !== 'risky'
}
