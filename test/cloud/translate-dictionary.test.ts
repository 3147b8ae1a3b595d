/**
 * The translate function on the real compiled dictionary (src/data/compiled), offline: every
 * test sentence gives a playable sequence — every gloss has parts, numbers use the num_* signs,
 * names are spelled with the letter signs. Exact orders are tested on the fixture (unit tests).
 */
import { main, type TranslateSuccess } from '../../cloudfunctions/translate/index'
import { overrideDictionary } from '../../cloudfunctions/_shared/dictionary'
import { resetStoreForTests } from '../../cloudfunctions/_shared/env'
import data from '../unit/translate/sentences.json'
import { compiledDictionary } from '../support/compiled'

const env = { ...process.env }
let user = 0
beforeAll(() => {
  overrideDictionary(compiledDictionary())
  process.env = { ...env, SHOUYU_SQLITE: ':memory:' }
  delete process.env.GLM_API_KEY
  resetStoreForTests()
})
afterAll(() => { overrideDictionary(null); resetStoreForTests(); process.env = { ...env } })

async function translate (text: string): Promise<TranslateSuccess> {
  const r = await main({ text, __localUser: `u${user++}` })
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`)
  return r
}

describe('offline translation on the real dictionary', () => {
  it.each([...data.standard, ...data.concise].map(s => [s.text]))('%s plays end to end', async text => {
    const r = await translate(text)
    expect(r.engine).toBe('offline')
    expect(r.glosses.length).toBeGreaterThan(0)
    for (const g of r.glosses) {
      expect(g.parts.length).toBeGreaterThan(0)
      for (const p of g.parts) expect(p.notation.dom ?? p.notation.compound).toBeTruthy()
    }
  })

  it('numbers use the number signs and names the letter signs', async () => {
    const r = await translate('我25岁')
    expect(r.glosses.filter(g => g.id?.startsWith('num_')).map(g => g.id)).toEqual(['num_2', 'num_10', 'num_5'])
    const n = await translate('我叫王小明')
    const name = n.glosses.find(g => g.fingerspell !== undefined)
    expect(name).toMatchObject({ text: '王小明', fingerspell: 'wang xiao ming', letters: ['W', 'A', 'NG', 'X', 'I', 'A', 'O', 'M', 'I', 'NG'] })
    expect(name?.parts.map(p => p.label)).toEqual(name?.letters)
  })

  it('time words come first and question words last', async () => {
    const r = await translate('我明天去北京')
    expect(r.glosses[0].text).toBe('明天')
    const q = await translate('你去哪里？')
    expect(q.glosses[q.glosses.length - 1].text).toBe('哪里')
  })

  it('an unknown word of 70 characters is fingerspelled in full, as the note says, not silently dropped', async () => {
    // A fingerspelled chip holds at most 4 syllables (docs/translate.md), so the long unknown word
    // comes out as short spelled chips — but all of it, and under a true note.
    const word = '龘'.repeat(70)
    const r = await translate('我叫' + word)
    const spelled = r.glosses.filter(x => x.fingerspell !== undefined)
    expect(spelled.map(x => x.text).join('')).toBe(word)
    expect(spelled.reduce((n, x) => n + (x.letters?.length ?? 0), 0)).toBe(70 * 2) // d a, seventy times
    expect(r.dropped).toEqual([])
    expect(r.notes).toContain('「龘」没有对应的手语词，用指拼')
  })

  it('a word that cannot be fingerspelled is never announced as fingerspelled', async () => {
    const r = await translate('我爱👨‍👩‍👧') // emoji: not signed, and not claimed to be
    expect(r.notes.join()).not.toMatch(/👨/)
    expect(r.glosses.map(x => x.text)).toEqual(expect.arrayContaining(['我', '爱']))
  })
})
