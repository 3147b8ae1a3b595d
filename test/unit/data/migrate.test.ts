// Version-1 sign files become version 2 without changing what the avatar plays, and say honestly
// where each sign comes from.
import { migrateSignsText, PROJECT_ORIGIN, SCHEME_ORIGIN } from '../../../scripts/data/migrate-notation'
import { checkSources } from '../../../src/core/sign/validate'
import { formatDataIssue } from '../../../src/core/sign/entry'
import { parseSignNotation } from '../../../src/core/sign/parse'
import { CATS } from './fixtures'

const V1 = [
  '# 问候', // leading comments stay first
  '',
  '[ni] 你',
  'pos: 代',
  'type: 词汇',
  'dom: 3 f:u p:f @neutral ; line(f,s)+shape(3)',
  'desc: 右手三指。',
  'desc: 向前。',
  'source: 自己写的。',
  'status: draft',
  '',
  '[keren] 客人',
  'pos: 名',
  'type: 词汇',
  'rel: base',
  'dom: 1 f:u p:c @H.palm ; line(f,m)',
  'nondom: flat f:c p:u @neutral ; line(b,m)',
  'desc: 左手托着。',
  'source: 自己写的。',
  'status: draft',
  ''
].join('\n')

describe('migrate-notation', () => {
  const r = migrateSignsText(V1, 'src/data/signs/greetings.signs')

  it('gives the file its version line, drops desc:, adds the honest provenance, and validates', () => {
    expect(r.changed).toBe(true)
    const lines = r.text.split('\n')
    expect(lines.slice(0, 3)).toEqual(['# 问候', '', 'notation: 2'])
    expect(r.text).not.toMatch(/^desc:/m)
    expect(r.text.match(new RegExp(`^origin: ${PROJECT_ORIGIN}$`, 'gm'))).toHaveLength(2)
    expect(r.text.match(/^needs: transcription$/gm)).toHaveLength(2)
    const checked = checkSources(CATS, [{ file: 'greetings.signs', text: r.text }])
    expect(checked.issues.map(formatDataIssue)).toEqual([])
    expect(checked.entries.map(e => [e.id, e.status, e.origin?.kind])).toEqual([['ni', 'draft', 'project'], ['keren', 'draft', 'project']])
  })

  it('renames the version-1 hand 3 to W (same fingers), in the start and in shape(…)', () => {
    expect(r.text).toContain('dom: W f:u p:f @neutral ; line(f,s)+shape(W)')
    const sign = parseSignNotation({ dom: 'W f:u p:f @neutral' }, { entryId: 'x' })
    expect(sign.ok).toBe(true)
  })

  it('keeps a base hand still, as version 1 played it', () => {
    expect(r.text).toContain('nondom: flat f:c p:u @neutral\n')
    expect(r.report.join('；')).toMatch(/rel: base 下被动手的动作删除 1 处/)
  })

  it('letters of the finger alphabet get the scheme as their source and are transcribed', () => {
    const letters = migrateSignsText('[letter_a] A\npos: 名\ntype: 指拼\ndom: A f:u p:c @neutral\ndesc: A。\nsource: 方案。\nstatus: draft\n', 'src/data/signs/letters.signs')
    expect(letters.text).toContain(`origin: ${SCHEME_ORIGIN}\nsource: 方案。\nstatus: transcribed`)
    expect(letters.text.startsWith('notation: 2\n')).toBe(true)
  })

  it('a file already at version 2 is left as it is', () => {
    expect(migrateSignsText(r.text, 'greetings.signs')).toEqual({ text: r.text, changed: false, report: [] })
  })
})
