import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { getHandshape } from '../../../src/core/sign/handshapes'
import { LETTER_IDS } from '../../../src/core/sign/handshape-forms'
import { formatIssue, parseSignNotation } from '../../../src/core/sign'
import { parseSignsFile } from '../../../src/core/sign/entry'

interface Block { id: string; word: string; line: number; fields: Map<string, string[]> }

/** The entries of one real source file, read by the app's own reader (core/sign/entry.ts). */
function readBlocks (file: string): Block[] {
  const { entries, issues } = parseSignsFile(readFileSync(join(__dirname, '../../../src/data/signs', file), 'utf8'), file)
  if (issues.length > 0) throw new Error(issues.map(i => `${i.file}:${i.line} ${i.message}`).join('\n'))
  return entries.map(e => {
    const fields = new Map<string, string[]>()
    for (const f of e.fields) fields.set(f.key, [...(fields.get(f.key) ?? []), f.value])
    return { id: e.id, word: e.word, line: e.line, fields }
  })
}

function one (b: Block, key: string): string | undefined {
  return b.fields.get(key)?.[0]
}

describe.each([
  ['letters.signs', '指拼', '名', 30, /^scheme /],
  ['numbers.signs', '数字', '数', 15, /^project /]
] as const)('%s', (file, type, pos, count, origin) => {
  const blocks = readBlocks(file)

  test(`${count} entries with unique ids, the required fields and their provenance`, () => {
    expect(blocks).toHaveLength(count)
    expect(new Set(blocks.map(b => b.id)).size).toBe(count)
    for (const b of blocks) {
      expect([b.id, one(b, 'type'), one(b, 'pos')]).toEqual([b.id, type, pos])
      // Letters are the 1963 finger alphabet; the number signs wait for their national transcription.
      expect([b.id, one(b, 'origin') ?? one(b, 'nat')]).toEqual([b.id, expect.stringMatching(one(b, 'nat') ? /^\d+/ : origin)])
      expect(one(b, 'source')).toMatch(/[\u4e00-\u9fff]/)
    }
  })

  test('every dom: line parses', () => {
    for (const b of blocks) {
      const r = parseSignNotation({ dom: one(b, 'dom') }, { entryId: b.id, file, line: b.line })
      expect(r.ok ? 'ok' : r.issues.map(formatIssue).join('\n')).toBe('ok')
    }
  })
})

test('letters.signs has the 30 letters, each signed with its own handshape and default orientation', () => {
  const blocks = readBlocks('letters.signs')
  expect(blocks.map(b => b.word)).toEqual([...LETTER_IDS])
  for (const b of blocks) {
    expect(b.id).toBe(`letter_${b.word.toLowerCase()}`)
    const r = parseSignNotation({ dom: one(b, 'dom') }, { entryId: b.id })
    if (!r.ok) throw new Error(b.id)
    const h = getHandshape(b.word)!
    expect([b.id, r.sign.dom.handshape, r.sign.dom.orient]).toEqual([b.id, b.word, h.defaultOrient])
    // A letter moves in its entry exactly as in the table (the entry may add a final hold): the
    // table's parsed movement (handshape-forms.ts) is what this notation says.
    expect([b.id, r.sign.dom.moves.filter(m => m.kind !== 'hold')]).toEqual([b.id, h.letterMoves ?? []])
  }
})

test('numbers.signs has 0–10 with the number hands, and 百 千 万 亿', () => {
  const blocks = readBlocks('numbers.signs')
  const words = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十']
  for (let n = 0; n <= 10; n++) {
    const b = blocks.find(x => x.id === `num_${n}`)!
    expect(b.word).toBe(words[n])
    expect(one(b, 'dom')?.split(' ')[0]).toBe(String(n))
  }
  expect(['num_bai', 'num_qian', 'num_wan', 'num_yi'].map(id => blocks.find(b => b.id === id)?.word)).toEqual(['百', '千', '万', '亿'])
})
