/**
 * Validates a model reply (untrusted) into a GlossPlan held to our vocabulary. Each gloss must be
 * a dictionary id or a fingerspelling with valid pinyin; anything else is repaired through the
 * dictionary (word → id, share → id, an unknown word split into known words) or dropped and
 * reported. The model's raw text never reaches the user. Pure.
 */
import { MAX_REPLY_GLOSSES } from './constants'
import { fingerspell } from './fingerspell'
import { splitIntoKnown } from './segment'
import type { Gloss, GlossPlan, TranslateVocabulary } from './types'

export type ReplyResult = { ok: true, plan: GlossPlan } | { ok: false, message: string }

/** Longest model-supplied word we echo back in `dropped` (so a reply cannot smuggle prose). */
const MAX_ECHO_CHARS = 12

function isRecord (v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function str (v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined
}

/** JSON inside the content, tolerating a ```json fence some models add despite json_object. */
function parseJson (content: string): unknown {
  const fenced = /^\s*```(?:json)?\s*([\s\S]*?)\s*```\s*$/.exec(content)
  return JSON.parse(fenced ? fenced[1] : content)
}

/**
 * `sentence`: the user's sentence. With it, a fingerspelled item is kept only when its text occurs
 * in the sentence (a reply cannot inject a word the user never wrote), and its pinyin is derived
 * from that text, not taken from the reply.
 */
export function parseModelReply (content: unknown, vocab: TranslateVocabulary, toPinyin: (s: string) => string, sentence?: string): ReplyResult {
  if (typeof content !== 'string') return { ok: false, message: 'reply content is not a string' }
  let data: unknown
  try { data = parseJson(content) } catch { return { ok: false, message: 'reply is not JSON' } }
  const list = isRecord(data) ? data.glosses : Array.isArray(data) ? data : undefined
  if (!Array.isArray(list)) return { ok: false, message: 'reply has no glosses array' }
  const plan: GlossPlan = { glosses: [], dropped: [], notes: [] }
  let repaired = 0
  const drop = (what: unknown): void => {
    const s = typeof what === 'string' ? what : isRecord(what) ? (str(what.text) ?? str(what.word) ?? str(what.id) ?? str(what.fingerspell) ?? '?') : '?'
    plan.dropped.push([...s].slice(0, MAX_ECHO_CHARS).join(''))
  }
  /** A Chinese word through the dictionary: word/share, else its known parts. */
  const byWord = (w: string): Gloss[] | null => {
    const id = vocab.byWord.get(w)
    if (id !== undefined) return [{ text: w, id }]
    const parts = splitIntoKnown(w, vocab)
    return parts ? parts.map(p => ({ text: p, id: vocab.byWord.get(p) as string })) : null
  }
  const isLetterId = (id: string): boolean => vocab.byId.get(id)?.category === 'letters'

  for (const item of list.slice(0, MAX_REPLY_GLOSSES)) {
    const before = plan.glosses.length
    const question = isRecord(item) && item.question === true
    if (typeof item === 'string') {
      const g = byWord(item.trim())
      if (g) { plan.glosses.push(...g); repaired++ } else drop(item)
    } else if (isRecord(item) && str(item.id) !== undefined) {
      const id = str(item.id) as string
      const text = str(item.text) ?? str(item.word)
      const entry = vocab.byId.get(id)
      if (entry && !isLetterId(id)) {
        // Keep the sentence's word on the chip when it is a share of this entry (感谢 for 谢谢).
        plan.glosses.push({ text: text !== undefined && vocab.byWord.get(text) === id ? text : entry.word, id })
      } else {
        const g = byWord(id) ?? (text !== undefined ? byWord(text) : null)
        if (g) { plan.glosses.push(...g); repaired++ } else drop(item)
      }
    } else if (isRecord(item) && str(item.fingerspell) !== undefined) {
      // Tone marks are dropped: the hand alphabet has none.
      const py = (str(item.fingerspell) as string).toLowerCase().normalize('NFD').replace(/[\u0300\u0301\u0304\u030c]/g, '').normalize('NFC')
      const text = str(item.text) ?? str(item.word)
      if (sentence !== undefined) {
        // Only words of the sentence may be fingerspelled, spelled from the sentence itself.
        const inSentence = text !== undefined && (sentence.includes(text) || (/^[A-Za-z]+$/.test(text) && sentence.toLowerCase().includes(text.toLowerCase())))
        if (!inSentence) { drop(item); continue }
      }
      const signed = text !== undefined ? byWord(text) : null
      if (signed) {
        plan.glosses.push(...signed) // the model fingerspelled a word we have a sign for
        repaired++
      } else if (sentence !== undefined && text !== undefined && /\p{Script=Han}/u.test(text)) {
        const derived = toPinyin(text).trim().toLowerCase().replace(/\s+/g, ' ')
        if (derived && fingerspell(derived).ok) plan.glosses.push({ text, fingerspell: derived }); else drop(item)
      } else if (fingerspell(py).ok && /^[a-zü ]+$/.test(py)) {
        plan.glosses.push({ text: text ?? py, fingerspell: py.replace(/\s+/g, ' ') })
      } else if (text !== undefined && /\p{Script=Han}/u.test(text)) {
        const again = toPinyin(text).trim().toLowerCase()
        if (again && fingerspell(again).ok) { plan.glosses.push({ text, fingerspell: again }); repaired++ } else drop(item)
      } else drop(item)
    } else if (isRecord(item) && str(item.text ?? item.word) !== undefined) {
      const g = byWord(str(item.text ?? item.word) as string)
      if (g) { plan.glosses.push(...g); repaired++ } else drop(item)
    } else {
      drop(item)
    }
    if (question && plan.glosses.length > before) plan.glosses[plan.glosses.length - 1].question = true
  }
  if (list.length > MAX_REPLY_GLOSSES) plan.dropped.push(`…（另有 ${list.length - MAX_REPLY_GLOSSES} 个）`)
  if (repaired > 0) plan.notes.push(`模型回复中有 ${repaired} 处按词典修正`)
  if (plan.dropped.length > 0) plan.notes.push(`模型回复中有 ${plan.dropped.length} 处不在词典中，已略去`)
  if (plan.glosses.length === 0) return { ok: false, message: 'reply has no usable gloss' }
  return { ok: true, plan }
}
