/**
 * The real dictionary sources (src/data). This is what keeps the content honest: any problem the
 * compiler would refuse to ship fails here with its `file:line entry field: message`.
 */
import { formatDataIssue } from '../../../src/core/sign/entry'
import { describeEntry, resolveEntrySigns } from '../../../src/core/sign/resolve'
import { compileDictionary, loadSources } from '../../../scripts/data/compile'
import { main } from '../../../scripts/cli'

const src = loadSources()
const { dict, issues } = compileDictionary(src)

describe('real dictionary sources', () => {
  it('has sign files', () => {
    expect(src.files.length).toBeGreaterThan(0)
  })

  it('validates with zero problems', () => {
    expect(issues.map(formatDataIssue)).toEqual([])
  })

  it('every entry resolves to a playable sequence with a start handshape, site and pinyin', () => {
    const byId = new Map(dict.entries.map(e => [e.id, e]))
    const bad: string[] = []
    for (const e of dict.entries) {
      const r = resolveEntrySigns(e.id, id => byId.get(id))
      const d = describeEntry(e.id, id => byId.get(id))
      if (!r.ok) bad.push(`${e.id}: ${r.message}`)
      // The highlighted step follows the avatar: the items carry exactly the steps shown.
      else if (!d.ok || r.items.reduce((s, i) => s + i.steps, 0) !== d.steps.length) bad.push(`${e.id}: 步骤数与播放段数不符`)
      else if (!e.handshape || !e.site || !e.pinyin) bad.push(`${e.id}: 缺少起始手形/位置/拼音`)
    }
    expect(bad).toEqual([])
  })
})

describe('CLI on the real sources', () => {
  const run = async (...argv: string[]): Promise<{ code: number, out: string, err: string }> => {
    let out = ''
    let err = ''
    const code = await main(argv, s => { out += s + '\n'; return true }, s => { err += s + '\n'; return true })
    return { code, out, err }
  }

  it('show: an unknown word is a Chinese message and exit 1', async () => {
    const r = await run('show', '不存在的词语啊')
    expect(r.code).toBe(1)
    expect(r.err).toContain('词典中没有“不存在的词语啊”')
  })

  it('show --json: a word gives all its entries, as the app decodes them, with pinyin', async () => {
    const e = dict.entries[0]
    const r = await run('show', e.word, '--json')
    expect(r.code).toBe(0)
    const got = JSON.parse(r.out) as { entries: Array<Record<string, unknown>> }
    expect(got.entries.length).toBe(dict.entries.filter(x => x.word === e.word).length)
    const { file, line, ...app } = e
    void file; void line
    expect(got.entries.find(x => x.id === e.id)).toEqual(JSON.parse(JSON.stringify(app)))
  })

  it('validate and stats agree with the compiler', async () => {
    const v = await run('validate', '--json')
    expect(v.code).toBe(issues.length > 0 ? 1 : 0)
    expect(JSON.parse(v.out).issues).toHaveLength(issues.length)
    const s = await run('stats', '--json')
    const stats = JSON.parse(s.out)
    expect(stats.validation_errors).toBe(issues.length)
    expect(stats.entries + stats.letters + stats.numbers).toBe(dict.entries.length)
    expect(stats.bytes_per_sign_gzip).toBeGreaterThan(0)
    // Provenance figures count what the compiled entries say.
    const nat = new Set(dict.entries.filter(e => e.nat).map(e => e.nat!.id))
    expect(stats.national_signs).toBe(nat.size)
    expect(stats.national_coverage).toBeCloseTo(nat.size / 6699, 4)
    expect(Object.values(stats.by_origin as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(dict.entries.length)
    expect(stats.by_origin.national).toBe(dict.entries.filter(e => e.nat).length)
  })
})
