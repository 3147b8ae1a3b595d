/**
 * Which characters of user text cannot be shown as text. Everything printable passes: Chinese,
 * emoji sequences joined with ZWJ (👨‍👩‍👧), flags, skin tones, variation selectors, tabs and line
 * breaks. Refused: control characters (C0 except tab/LF/CR, DEL, C1), a lone half of a surrogate
 * pair (not a character at all), the bidi embeddings, overrides and isolates (they reorder what
 * is shown, so a reviewer could read something other than what was sent), and the two
 * noncharacters U+FFFE/U+FFFF.
 */

export interface Unprintable {
  /** 1-based position in characters (code points), as a person counts them. */
  position: number
  /** 'U+0007' */
  code: string
  /** Chinese name of the character or its kind. */
  name: string
}

const NAMES: Readonly<Record<number, string>> = {
  0x00: '空字符', 0x07: '响铃符', 0x08: '退格符', 0x0B: '垂直制表符', 0x0C: '换页符', 0x1B: '转义符', 0x7F: '删除符'
}

function kind (cp: number, allowNewlines: boolean): string | null {
  if (cp === 0x09) return null
  if (cp === 0x0A || cp === 0x0D) return allowNewlines ? null : '换行符'
  if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) return NAMES[cp] ?? '控制字符'
  if (cp >= 0xD800 && cp <= 0xDFFF) return '不完整的代理字符'
  if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)) return '文字方向控制符'
  if (cp === 0xFFFE || cp === 0xFFFF) return '非字符'
  return null
}

/** The first character that cannot be shown, or null when all of `text` is printable. */
export function findUnprintable (text: string, opts: { allowNewlines: boolean }): Unprintable | null {
  let position = 0
  // for…of walks code points; a lone surrogate comes out on its own.
  for (const ch of text) {
    position++
    const cp = ch.codePointAt(0) as number
    const name = kind(cp, opts.allowNewlines)
    if (name !== null) return { position, code: 'U+' + cp.toString(16).toUpperCase().padStart(4, '0'), name }
  }
  return null
}

/** “第 3 个字是响铃符（U+0007）” — for the messages that refuse the text. */
export function describeUnprintable (u: Unprintable): string {
  return `第 ${u.position} 个字是${u.name}（${u.code}）`
}
