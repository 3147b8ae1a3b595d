import { fingerspell, MAX_FINGERSPELL_LENGTH } from '../../../src/core/translate/fingerspell'
import { getHandshape } from '../../../src/core/sign/handshapes'

function spell (s: string): string {
  const r = fingerspell(s)
  if (!r.ok) throw new Error(`${s}: ${r.message}`)
  return r.letters.join(' ')
}

describe('fingerspell', () => {
  test.each([
    ['zhongguo', 'ZH O NG G U O'],
    ['shanghai', 'SH A NG H A I'],
    ['beijing', 'B E I J I NG'],
    ['xiong', 'X I O NG'],
    ['nan', 'N A N'],
    ['ang', 'A NG'],
    ['chang', 'CH A NG'],
    ['changcheng', 'CH A NG CH E NG'],
    ['zhuang', 'ZH U A NG'],
    ['shenzhen', 'SH E N ZH E N'],
    ['guangzhou', 'G U A NG ZH O U'],
    ['xuexi', 'X U E X I'],
    ['er', 'E R'],
    ['ni hao', 'N I H A O'],
    ['wo ai ni', 'W O A I N I'],
    ['zaijian', 'Z A I J I A N'],
    ['sichuan', 'S I CH U A N'],
    ['cai', 'C A I'],
    ['sun', 'S U N'],
    ['zi', 'Z I'],
    ['ng', 'NG'],
    ['zhi chi shi ri', 'ZH I CH I SH I R I']
  ])('%s → %s', (input, letters) => {
    expect(spell(input)).toBe(letters)
  })

  test('n before a vowel starts the next syllable: n + g before a vowel is N G', () => {
    expect(spell('nanjing')).toBe('N A N J I NG')
    expect(spell('fangan')).toBe('F A N G A N')
    expect(spell("fang'an")).toBe('F A NG A N')
  })

  test("apostrophes and spaces separate syllables: xi'an is not xian read differently", () => {
    expect(spell("xi'an")).toBe('X I A N')
    expect(spell('xi’an')).toBe('X I A N')
    expect(spell("tian'anmen")).toBe('T I A N A N M E N')
    expect(spell('xi an')).toBe('X I A N')
  })

  test('ü after l and n is its own letter form UU, written ü, v or u:', () => {
    for (const s of ['lü', 'lv', 'lu:', 'LÜ', 'lǜ', 'lv4']) expect([s, spell(s)]).toEqual([s, 'L UU'])
    expect(spell('nü')).toBe('N UU')
    expect(spell('nüer')).toBe('N UU E R')
    expect(spell('lüe')).toBe('L UU E')
    expect(spell('lve')).toBe('L UU E')
  })

  test('after j q x y pinyin writes ü as u, so it is spelled U', () => {
    expect(spell('yue')).toBe('Y U E')
    expect(spell('jue')).toBe('J U E')
    expect(spell('qu')).toBe('Q U')
    expect(spell('xü')).toBe('X U')
    expect(spell('yv')).toBe('Y U')
  })

  test('ê is its own letter form EE, with or without a tone', () => {
    expect(spell('ê')).toBe('EE')
    expect(spell('ế')).toBe('EE')
    expect(spell('Ê')).toBe('EE')
  })

  test('tone marks and tone digits are dropped', () => {
    expect(spell('xué')).toBe('X U E')
    expect(spell('xue2')).toBe('X U E')
    expect(spell('zhōngguó')).toBe('ZH O NG G U O')
    expect(spell('zhong1guo2')).toBe('ZH O NG G U O')
    expect(spell('ni3 hao3')).toBe('N I H A O')
    expect(spell('nǚ')).toBe('N UU')
    // Decomposed input (combining marks typed separately).
    expect(spell('xue\u0301')).toBe('X U E')
  })

  test('upper case and full-width letters are normalised', () => {
    expect(spell('ZHONGGUO')).toBe('ZH O NG G U O')
    expect(spell('ＢＥＩＪＩＮＧ')).toBe('B E I J I NG')
    expect(spell('ｎｉ　ｈａｏ')).toBe('N I H A O')
  })

  test('every letter produced is a handshape in the table', () => {
    const r = fingerspell("zhong chang shan ng lü ê xi'an quan")
    expect(r.ok).toBe(true)
    if (r.ok) for (const l of r.letters) expect([l, getHandshape(l)?.group]).toEqual([l, 'letter'])
  })

  test.each([
    ['中国', '中'],
    ['123', '1'],
    ['zhong国', '国'],
    ['ni!', '!'],
    ['xi-an', '-'],
    ['xue22', '2'],
    ['xue6', '6'],
    ['a 1', '1'],
    ['🤟', '🤟']
  ])('not pinyin: %s names “%s” in a Chinese message', (input, bad) => {
    const r = fingerspell(input)
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.message).toContain(`“${bad}”`)
      expect(r.message).toMatch(/^不能指拼/)
    }
  })

  test('empty, blank, too long and non-string input are errors', () => {
    for (const s of ['', '   ', "''", '\u3000']) {
      const r = fingerspell(s)
      expect(r.ok).toBe(false)
      if (!r.ok) expect(r.message).toContain('请输入拼音')
    }
    const long = fingerspell('a'.repeat(MAX_FINGERSPELL_LENGTH + 1))
    expect(long.ok).toBe(false)
    expect(fingerspell(null as unknown as string).ok).toBe(false)
  })
})
