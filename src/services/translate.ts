/**
 * Sentence translation through the `translate` cloud function (the model, or the offline rules
 * behind it). The reply is parsed from unknown: the page only ever sees typed glosses or a
 * Chinese error message.
 */
import { type NotationSource, parseSignNotation } from '../core/sign'
import type { TranslateMode } from '../core/translate'
import type { TimelineItem } from '../core/avatar'
import { callCloud, CloudError } from './cloud'

export interface ClientGloss {
  text: string
  id?: string
  fingerspell?: string
  letters?: string[]
  question: boolean
  parts: Array<{ label: string, notation: NotationSource }>
}

export interface Translation {
  engine: 'glm' | 'offline'
  reason: string
  aiGenerated: boolean
  cached: boolean
  glosses: ClientGloss[]
  dropped: string[]
  notes: string[]
}

export type TranslateOutcome = { ok: true, result: Translation } | { ok: false, code: string, message: string }

const isObj = (v: unknown): v is Record<string, any> => typeof v === 'object' && v !== null && !Array.isArray(v)
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter(x => typeof x === 'string') : [])

function parseNotation (v: unknown): NotationSource | null {
  if (!isObj(v)) return null
  const n: NotationSource = {}
  for (const k of ['dom', 'nondom', 'rel', 'face'] as const) if (typeof v[k] === 'string') n[k] = v[k]
  if (Array.isArray(v.compound)) n.compound = strings(v.compound)
  return n
}

function parseGloss (v: unknown): ClientGloss | null {
  if (!isObj(v) || typeof v.text !== 'string' || !Array.isArray(v.parts)) return null
  const parts = v.parts.map((p: unknown) => (isObj(p) && typeof p.label === 'string' ? { label: p.label, notation: parseNotation(p.notation) } : null))
  if (parts.some((p: any) => !p || !p.notation)) return null
  return {
    text: v.text,
    ...(typeof v.id === 'string' ? { id: v.id } : {}),
    ...(typeof v.fingerspell === 'string' ? { fingerspell: v.fingerspell } : {}),
    ...(Array.isArray(v.letters) ? { letters: strings(v.letters) } : {}),
    question: v.question === true,
    parts: parts as ClientGloss['parts']
  }
}

export function parseTranslateReply (v: unknown): TranslateOutcome {
  if (!isObj(v)) return { ok: false, code: 'BAD_RESPONSE', message: '服务器返回了无法识别的内容，请稍后重试。' }
  if (v.ok === false) {
    return { ok: false, code: typeof v.code === 'string' ? v.code : 'ERROR', message: typeof v.message === 'string' ? v.message : '翻译失败，请稍后重试。' }
  }
  const glosses = Array.isArray(v.glosses) ? v.glosses.map(parseGloss) : null
  if (v.ok !== true || !glosses || glosses.some((g: ClientGloss | null) => !g) || (v.engine !== 'glm' && v.engine !== 'offline')) {
    return { ok: false, code: 'BAD_RESPONSE', message: '服务器返回了无法识别的内容，请稍后重试。' }
  }
  return {
    ok: true,
    result: {
      engine: v.engine,
      reason: typeof v.reason === 'string' ? v.reason : '',
      aiGenerated: v.aiGenerated === true,
      cached: v.cached === true,
      glosses: glosses as ClientGloss[],
      dropped: strings(v.dropped),
      notes: strings(v.notes)
    }
  }
}

/** `useModel: false` when the user has not agreed to their sentence going to the model (隐私). */
export async function translateSentence (text: string, mode: TranslateMode, useModel = true): Promise<TranslateOutcome> {
  try {
    return parseTranslateReply(await callCloud<unknown>('translate', { text, mode, ...(useModel ? {} : { model: false }) }))
  } catch (e) {
    if (e instanceof CloudError) return { ok: false, code: e.code, message: e.message }
    return { ok: false, code: 'ERROR', message: '翻译失败，请稍后重试。' }
  }
}

/**
 * The player items for a translation, and for each item the gloss it belongs to (so the chip
 * being signed can be highlighted). A yes/no question gets the 疑问 face on its sign.
 */
export function playerItems (t: Translation): { items: TimelineItem[], glossOf: number[], problems: string[] } {
  const items: TimelineItem[] = []
  const glossOf: number[] = []
  const problems: string[] = []
  t.glosses.forEach((g, gi) => {
    for (const p of g.parts) {
      const r = parseSignNotation(p.notation, { entryId: g.id ?? p.label })
      if (!r.ok) { problems.push(p.label); continue }
      const sign = g.question ? { ...r.sign, face: { ...r.sign.face, expr: '疑问' as const, brows: 'raise' as const } } : r.sign
      items.push({ sign, label: p.label })
      glossOf.push(gi)
    }
  })
  return { items, glossOf, problems }
}
