import { type DataIssue, formatDataIssue } from '../../../src/core/sign/entry'
import { checkSources } from '../../../src/core/sign/validate'
import { CATS, compound, entry, file } from './fixtures'
import { describeEntry } from '../../../src/core/sign/resolve'

const BASE_DOM_LINE = 'dom: 1 f:f p:d @neutral'

function run (files: Record<string, string>): { issues: DataIssue[], where: string[] } {
  const r = checkSources(CATS, Object.entries(files).map(([f, text]) => ({ file: f, text })))
  return { issues: r.issues, where: r.issues.map(i => `${i.file}:${i.line} ${i.entryId || '-'} ${i.field}`) }
}
/** Issue locations for one greetings.signs file. */
function where (...entries: string[][]): string[] {
  return run({ 'greetings.signs': file(...entries) }).where
}

describe('validateDictionary: a valid source set', () => {
  it('has no issues and types every field', () => {
    const r = checkSources(CATS, [{
      file: 'greetings.signs',
      text: file(
        entry('ni', '你', ['related: hao', 'example: 你叫什么名字？', 'shares: 您']),
        entry('hao', '好', ['variant: 1 一般场合'], ['status']).concat('status: reviewed 张三 2026-02-28'),
        entry('hao_2', '好', ['variant: 2 口语']),
        compound('nihao', '你好', 'ni hao', ['face.2: mouth=smile'])
      )
    }])
    expect(r.issues.map(formatDataIssue)).toEqual([])
    const byId = Object.fromEntries(r.entries.map(e => [e.id, e]))
    expect(byId.ni).toMatchObject({ shares: ['您'], related: ['hao'], pos: '代', type: 'lexical', category: 'greetings', line: 2 })
    expect(byId.ni.sign?.dom.handshape).toBe('1')
    expect(byId.hao).toMatchObject({ status: 'reviewed', reviewer: '张三', reviewedAt: '2026-02-28', variant: { n: 1, note: '一般场合' } })
    expect(byId.ni).toMatchObject({ nat: { id: 1 }, status: 'transcribed' })
    expect(byId.ni.origin).toBeUndefined()
    expect(byId.nihao).toMatchObject({ origin: { kind: 'project', why: '测试用例' }, status: 'draft' })
    expect(byId.nihao.notation).toEqual({ compound: ['ni', 'hao'], partFaces: { 2: 'mouth=smile' } })
    // Steps are generated: one per part, each led by the part's word.
    const steps = describeEntry('nihao', id => byId[id])
    expect(steps.ok && steps.steps.map(s => s.slice(0, 4))).toEqual(['“你”：', '“好”：'])
  })
})

describe('validateDictionary: schema errors name file:line entry field', () => {
  it('unknown key, with a suggestion for a wrongly cased or misspelt one', () => {
    const r = run({ 'greetings.signs': file(entry('ni', '你', ['category: greetings', 'Example: 你好', 'relatd: wo'])) })
    expect(r.where).toEqual(['greetings.signs:9 ni category', 'greetings.signs:10 ni Example', 'greetings.signs:11 ni relatd'])
    expect(r.issues.map(i => i.suggestion)).toEqual([undefined, 'example', 'related'])
  })
  it('repeated single key and empty value', () => {
    expect(where(entry('ni', '你', ['pos: 名', 'example:']))).toEqual(['greetings.signs:9 ni pos', 'greetings.signs:10 ni example'])
  })
  it('missing required keys are reported at the [id] line', () => {
    expect(where(entry('ni', '你', [], ['source', 'nat', 'status']))).toEqual(
      ['greetings.signs:2 ni source', 'greetings.signs:2 ni status', 'greetings.signs:2 ni nat'])
    expect(where(entry('ni', '你', [], ['dom']))).toEqual(['greetings.signs:2 ni dom'])
  })
  it('part of speech and type outside their vocabularies', () => {
    expect(where(entry('ni', '你', [], ['pos', 'type']).concat('pos: 代词', 'type: 手势'))).toEqual(
      ['greetings.signs:7 ni pos', 'greetings.signs:8 ni type'])
  })
  it('several parts of speech are allowed', () => {
    expect(where(entry('ni', '你', [], ['pos']).concat('pos: 名 动'))).toEqual([])
  })
  it('status must be draft or reviewed <name> <real date>', () => {
    expect(where(entry('a', '啊', [], ['status']).concat('status: done'),
      entry('b', '吧', [], ['status']).concat('status: reviewed 张三 2026-02-30'),
      entry('c', '从', [], ['status']).concat('status: reviewed 2026-02-01'))).toEqual(
      ['greetings.signs:8 a status', 'greetings.signs:15 b status', 'greetings.signs:22 c status'])
  })
  it('bad ids and words', () => {
    expect(where(entry('Ni-1', '你'), entry('wo', ''), entry('ta', '他 们'))).toEqual(
      ['greetings.signs:2 Ni-1 id', 'greetings.signs:9 wo word', 'greetings.signs:16 ta word'])
  })
  it('a version-1 desc: line is refused with what to write instead', () => {
    const r = run({ 'greetings.signs': file(entry('ni', '你', ['desc: 右手伸食指。'])) })
    expect(r.where).toEqual(['greetings.signs:9 ni desc'])
    expect(r.issues[0].message).toContain('note:')
  })
  it('a file without its version line is refused, naming the migration', () => {
    const r = run({ 'greetings.signs': entry('ni', '你').join('\n') + '\n' })
    expect(r.where).toEqual(['greetings.signs:1 - notation'])
    expect(r.issues[0].message).toContain('migrate-notation')
    expect(run({ 'greetings.signs': 'notation: 1\n' + entry('ni', '你').join('\n') }).issues[0].message).toContain('第 1 版')
  })
  it('provenance: a national id in range, never both nat: and origin:, and the source line that goes with it', () => {
    expect(where(entry('a', '啊', [], ['nat']).concat('nat: 6700'), entry('b', '吧', [], ['nat']).concat('nat: 12 ③'),
      entry('c', '从', ['origin: project 试试']))).toEqual(['greetings.signs:8 a nat', 'greetings.signs:23 c origin'])
    expect(where(entry('a', '啊', [], ['source']).concat('source: 书上第 1 页'))).toEqual(['greetings.signs:8 a source'])
    expect(where(entry('a', '啊', [], ['nat']).concat('origin: vendor 某 App'))).toEqual(['greetings.signs:8 a origin'])
  })
  it('status follows provenance: a national sign is transcribed or reviewed, a sign the project made is a draft or reviewed', () => {
    expect(where(entry('a', '啊', [], ['status']).concat('status: draft'))).toEqual(['greetings.signs:8 a status'])
    expect(where(entry('ni', '你'), entry('hao', '好'), compound('nihao', '你好', 'ni hao', ['status: transcribed']).filter(l => l !== 'status: draft')))
      .toEqual(['greetings.signs:22 nihao status'])
  })
  it('a sign the project made is a compound of national signs, unless it says it still needs transcription', () => {
    const own = entry('zi', '字', [], ['nat', 'source', 'status']).concat('origin: project 自创', 'source: 自拟。', 'status: draft')
    expect(where(own)).toEqual(['greetings.signs:6 zi origin'])
    expect(where(own.concat('needs: transcription'))).toEqual([])
    expect(where(own.concat('needs: transcription'), entry('ni', '你'), compound('nizi', '你字', 'ni zi'))).toEqual(['greetings.signs:20 nizi compound'])
  })
  it('a sign in parts: dom.2 … numbered without gaps, each part parsed, face.N for a part it has', () => {
    const two = entry('guojia', '国家', ['rel.2: mirror', 'dom.2: flat f:u p:c @neutral ; line(c,s)', 'face.2: head=nod', 'face: brows=raise'])
    const r = checkSources(CATS, [{ file: 'greetings.signs', text: file(two) }])
    expect(r.issues.map(formatDataIssue)).toEqual([])
    expect(r.entries[0].notation).toMatchObject({ dom: 'dom: 1 f:f p:d @neutral ; line(f,s)'.slice(5), face: 'brows=raise',
      parts: [{ dom: 'flat f:u p:c @neutral ; line(c,s)', rel: 'mirror' }], partFaces: { 2: 'head=nod' } })
    expect(where(entry('a', '啊', ['dom.3: flat f:u p:c @neutral']))).toEqual(['greetings.signs:9 a dom.3'])
    expect(where(entry('a', '啊', ['rel.2: mirror']))).toEqual(['greetings.signs:9 a dom.2'])
    expect(where(entry('a', '啊', ['dom.2: flat f:u p:c @nowhere']))).toEqual(['greetings.signs:9 a dom.2'])
    expect(where(entry('a', '啊', ['dom.2: flat f:u p:c @neutral', 'face.3: head=nod']))).toEqual(['greetings.signs:10 a face.3'])
    expect(where(entry('a', '啊', ['dom.1: flat f:u p:c @neutral']))).toEqual(['greetings.signs:9 a dom.1'])
    expect(where(entry('ni', '你'), entry('hao', '好'), compound('nihao', '你好', 'ni hao', ['dom.2: flat f:u p:c @neutral']))).toEqual(['greetings.signs:23 nihao dom.2'])
  })
  it('aliases: retired ids that are no entry\'s id any more, each merged into one entry only', () => {
    const r = checkSources(CATS, [{ file: 'greetings.signs', text: file(entry('ta', '他', ['aliases: ta_2 tamen_old'])) }])
    expect(r.issues).toEqual([])
    expect(r.entries[0].aliases).toEqual(['ta_2', 'tamen_old'])
    expect(where(entry('ta', '他', ['aliases: ni']), entry('ni', '你'))).toEqual(['greetings.signs:9 ta aliases'])
    expect(where(entry('ta', '他', ['aliases: x_1']), entry('ni', '你', ['aliases: x_1']))).toEqual(['greetings.signs:17 ni aliases'])
    expect(where(entry('ta', '他', ['aliases: Ta-2']))).toEqual(['greetings.signs:9 ta aliases'])
    // A related: id retired meanwhile is still a valid reference (compile points it at the kept entry).
    expect(where(entry('ta', '他', ['aliases: ta_2']), entry('ni', '你', ['related: ta_2']))).toEqual([])
    // So is a compound part: the compound plays the entry it was merged into.
    const c = checkSources(CATS, [{ file: 'greetings.signs', text: file(entry('ta', '他', ['aliases: ta_2']), entry('ni', '你'), compound('nita', '你她', 'ni ta_2')) }])
    expect(c.issues).toEqual([])
    expect(c.entries[2].notation.compound).toEqual(['ni', 'ta'])
  })
  it('note: is one short sentence; face.N: names a part the compound has', () => {
    expect(where(entry('ni', '你', ['note: ' + '像'.repeat(41)]))).toEqual(['greetings.signs:9 ni note'])
    expect(where(entry('ni', '你'), entry('hao', '好'), compound('nihao', '你好', 'ni hao', ['face.3: mouth=smile']))).toEqual(['greetings.signs:23 nihao face.3'])
    expect(where(entry('ni', '你', ['face.1: mouth=smile']))).toEqual(['greetings.signs:9 ni face.1'])
  })
  it('malformed variant and pinyin override', () => {
    expect(where(entry('ni', '你', ['variant: 第二种', 'pinyin: ni3']), entry('yinhang', '银行', ['pinyin: yín']))).toEqual(
      ['greetings.signs:9 ni variant', 'greetings.signs:10 ni pinyin', 'greetings.signs:18 yinhang pinyin'])
  })
  it('unknown category (file name not in categories.txt), once per file', () => {
    expect(run({ 'zoo.signs': file(entry('ni', '你'), entry('wo', '我')) }).where).toEqual(['zoo.signs:2 ni category'])
  })
})

describe('validateDictionary: notation errors keep file, line, entry, field and the suggestion', () => {
  it('unknown handshape in dom', () => {
    const r = run({ 'greetings.signs': file(entry('ni', '你', [], ['dom']).concat('dom: AA f:f p:d @neutral')) })
    expect(r.where).toEqual(['greetings.signs:8 ni dom'])
    expect(r.issues[0].suggestion).toBe('A')
  })
  it('unknown site in nondom, with the nearest site suggested', () => {
    const r = run({ 'greetings.signs': file(entry('ni', '你', ['rel: two', 'nondom: flat f:u p:i @chn'])) })
    expect(r.where).toEqual(['greetings.signs:10 ni nondom'])
    expect(r.issues[0].suggestion).toBe('chin')
    expect(formatDataIssue(r.issues[0])).toMatch(/^greetings\.signs:10 ni nondom: .*chn.*是否想写 “chin”/)
  })
  it('bad face value', () => {
    expect(where(entry('ni', '你', ['face: expr=开心']))).toEqual(['greetings.signs:9 ni face'])
  })
})

describe('validateDictionary: cross-entry rules', () => {
  it('duplicate ids, across files, at the second one', () => {
    const r = run({ 'greetings.signs': file(entry('ni', '你')), 'pronouns.signs': file(entry('wo', '我'), entry('ni', '泥')) })
    expect(r.where).toEqual(['pronouns.signs:9 ni id'])
    expect(r.issues[0].message).toContain('greetings.signs:2')
  })
  it('one word twice without variants, and variants with the same n', () => {
    expect(where(entry('hao', '好'), entry('hao_2', '好', ['variant: 2 口语']))).toEqual(['greetings.signs:2 hao variant'])
    expect(where(entry('hao', '好', ['variant: 1 一般']), entry('hao_2', '好', ['variant: 1 口语']))).toEqual(['greetings.signs:17 hao_2 variant'])
  })
  it('a variant on a word that has only one entry', () => {
    expect(where(entry('hao', '好', ['variant: 1 一般']))).toEqual(['greetings.signs:9 hao variant'])
  })
  it('related ids that do not exist', () => {
    expect(where(entry('ni', '你', ['related: wo nin']), entry('wo', '我'))).toEqual(['greetings.signs:9 ni related'])
  })
  it('shares that are another entry\'s headword are ambiguous', () => {
    const r = run({ 'greetings.signs': file(entry('ni', '你', ['shares: 您 我']), entry('wo', '我')) })
    expect(r.where).toEqual(['greetings.signs:9 ni shares'])
    expect(r.issues[0].message).toContain('歧义')
  })
  it('one shared word claimed by two different signs is ambiguous; variants of one word may both claim it', () => {
    const r = run({ 'greetings.signs': file(entry('ni', '你', ['shares: 您']), entry('wo', '我', ['shares: 您'])) })
    expect(r.where).toEqual(['greetings.signs:17 wo shares'])
    expect(r.issues[0].message).toContain('ni')
    const v = run({ 'greetings.signs': file(entry('hao', '好', ['variant: 1 一般', 'shares: 行']), entry('hao_2', '好', ['variant: 2 口语', 'shares: 行'])) })
    expect(v.where).toEqual([])
  })
  it('compound parts must exist', () => {
    expect(where(entry('ni', '你'), compound('nihao', '你好', 'ni hao'))).toEqual(['greetings.signs:12 nihao compound'])
  })
  it('compound cycles are reported on every entry of the cycle', () => {
    const r = run({ 'greetings.signs': file(entry('ni', '你'), compound('aa', '甲', 'ni bb'), compound('bb', '乙', 'ni aa')) })
    expect(r.where).toEqual(['greetings.signs:12 aa compound', 'greetings.signs:19 bb compound'])
    expect(r.issues[0].message).toContain('aa → bb → aa')
  })
  it('a compound cannot contain itself, needs two parts, and no hand lines', () => {
    expect(where(entry('ni', '你'), compound('aa', '甲', 'ni aa'))).toEqual(['greetings.signs:12 aa compound'])
    expect(where(entry('ni', '你'), compound('aa', '甲', 'ni'))).toEqual(['greetings.signs:12 aa compound'])
    expect(where(entry('ni', '你'), compound('aa', '甲', 'ni ni').concat(BASE_DOM_LINE))).toEqual(['greetings.signs:16 aa dom'])
  })
})
