import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { LETTER_IDS, getHandshape } from '../../../src/core/sign/handshapes'
import { formatIssue, parseSignNotation } from '../../../src/core/sign'

interface Block { id: string; word: string; line: number; fields: Map<string, string[]> }

/** Minimal reader of the .signs format (docs/data.md): enough to check the notation lines. */
function readBlocks (file: string): Block[] {
  const blocks: Block[] = []
  const lines = readFileSync(join(__dirname, '../../../src/data/signs', file), 'utf8').split('\n')
  let cur: Block | undefined
  lines.forEach((raw, k) => {
    const line = raw.trim()
    if (line === '' || line.startsWith('#')) return
    const head = /^\[([a-z0-9_]+)\]\s+(\S+)$/.exec(line)
    if (head) {
      cur = { id: head[1], word: head[2], line: k + 1, fields: new Map() }
      blocks.push(cur)
      return
    }
    const kv = /^([a-z]+):\s*(.*)$/.exec(line)
    if (!cur || !kv) throw new Error(`${file}:${k + 1}: cannot read “${line}”`)
    const list = cur.fields.get(kv[1]) ?? []
    list.push(kv[2])
    cur.fields.set(kv[1], list)
  })
  return blocks
}

function one (b: Block, key: string): string | undefined {
  return b.fields.get(key)?.[0]
}

describe.each([
  ['letters.signs', '指拼', '名', 30],
  ['numbers.signs', '数字', '数', 15]
] as const)('%s', (file, type, pos, count) => {
  const blocks = readBlocks(file)

  test(`${count} entries with unique ids and the required fields`, () => {
    expect(blocks).toHaveLength(count)
    expect(new Set(blocks.map(b => b.id)).size).toBe(count)
    for (const b of blocks) {
      expect([b.id, one(b, 'type'), one(b, 'pos'), one(b, 'status')]).toEqual([b.id, type, pos, 'draft'])
      expect(b.fields.get('desc')?.length).toBeGreaterThanOrEqual(2)
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
    // A letter that moves in the table moves in its entry.
    expect([b.id, r.sign.dom.moves.some(m => m.kind !== 'hold')]).toEqual([b.id, h.letterMove !== undefined])
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
