/**
 * The committed batch plan (scripts/transcribe/manifest.json) against the reference, and the
 * drafts of every sign in it: each is a well-formed entry the notation-version-2 parser accepts
 * and the avatar can compile, and none carries description wording. Reads
 * ../shared/reference/national-csl.db; fails (never skips) without it.
 */
import { existsSync } from 'node:fs'
import { NATIONAL_DB, loadNational, missingDbMessage, sourceLine } from '../../../scripts/reference/db'
import { FREQ_THRESHOLD, type ManifestSign, freqOf, loadEntries, readManifest } from '../../../scripts/transcribe/lib'
import { draftAll } from '../../../scripts/transcribe/draft'
import { parseSignsFile } from '../../../src/core/sign/entry'
import { parseSignNotation } from '../../../src/core/sign/parse'
import { formatIssue } from '../../../src/core/sign/errors'
import { compileTimeline } from '../../../src/core/avatar'

const haveDb = existsSync(NATIONAL_DB)
const manifest = readManifest()
const signs: ManifestSign[] = manifest.batches.flatMap(b => b.signs)

describe('the batch plan (manifest.json)', () => {
  it('names real national signs, with their volume and headword as printed', () => {
    if (!haveDb) throw new Error(missingDbMessage())
    const nd = loadNational()
    const wrong = signs.filter(s => {
      const n = nd.byId.get(s.nat)
      return !n || n.volume !== s.volume || n.headword !== s.headword
    })
    expect(wrong.map(s => s.nat)).toEqual([])
  })

  it('holds at least 3,300 distinct national signs, every one of the frequency rule among them', () => {
    if (!haveDb) throw new Error(missingDbMessage())
    const nd = loadNational()
    const ids = new Set(signs.map(s => s.nat))
    expect(ids.size).toBe(signs.length)
    expect(ids.size).toBeGreaterThanOrEqual(3300)
    const rule = nd.signs.filter(s => s.meanings.some(m => freqOf(m.word) >= FREQ_THRESHOLD))
    expect(rule.filter(s => !ids.has(s.id)).map(s => s.id)).toEqual([])
  })

  it('gives every sign its own entry id; a new id never takes an existing entry’s', () => {
    const ids = signs.map(s => s.id)
    expect(new Set(ids).size).toBe(ids.length)
    const existing = new Map(loadEntries().map(e => [e.id, e]))
    const clash = signs.filter(s => existing.has(s.id) && s.existing?.id !== s.id && existing.get(s.id)!.nat !== s.nat)
    expect(clash.map(s => s.id)).toEqual([])
  })

  it('batches are disjoint and each lane owns its files alone (people work in parallel)', () => {
    const owner = new Map<string, number>()
    for (const b of manifest.batches) {
      for (const f of b.files) {
        expect(owner.get(f) ?? b.lane).toBe(b.lane)
        owner.set(f, b.lane)
      }
    }
  })
})

describe('drafts of every planned sign', () => {
  const drafted = haveDb ? draftAll(loadNational(), signs, loadEntries()) : []

  it('draft without copying description wording (draft.ts refuses a copy)', () => {
    if (!haveDb) throw new Error(missingDbMessage())
    expect(drafted).toHaveLength(signs.length)
  })

  it('are entries with nat:, the provenance line, pos, type and status', () => {
    if (!haveDb) throw new Error(missingDbMessage())
    const nd = loadNational()
    const bad: string[] = []
    for (const d of drafted) {
      const { entries, issues } = parseSignsFile(`notation: 2\n${d.text}`, 'draft.signs')
      const e = entries[0]
      const get = (k: string): string | undefined => e?.fields.find(f => f.key === k)?.value
      if (issues.length || entries.length !== 1) bad.push(`${d.ms.id}: ${issues.map(i => i.message).join('；')}`)
      else if (get('nat')?.split(' ')[0] !== String(d.ms.nat)) bad.push(`${d.ms.id}: nat`)
      else if (get('source') !== sourceLine(nd.byId.get(d.ms.nat)!)) bad.push(`${d.ms.id}: source`)
      else if (!get('pos') || !get('type') || get('status') !== 'transcribed') bad.push(`${d.ms.id}: pos/type/status`)
      else if (get('note') !== undefined) bad.push(`${d.ms.id}: note is the transcriber’s`)
    }
    expect(bad).toEqual([])
  })

  it('parse as notation version 2 and compile into the avatar’s timeline', () => {
    if (!haveDb) throw new Error(missingDbMessage())
    const ids = new Set(signs.map(s => s.id))
    const bad: string[] = []
    for (const d of drafted) {
      const e = parseSignsFile(`notation: 2\n${d.text}`, 'draft.signs').entries[0]
      const get = (k: string): string | undefined => e.fields.find(f => f.key === k)?.value
      const compound = get('compound')
      if (compound) {
        for (const p of compound.split(' ')) if (!ids.has(p)) bad.push(`${e.id}: compound part ${p} is not planned`)
        continue
      }
      // A sign in parts (dom.2: …) compiles part by part, as the player plays it.
      const segs = [{ dom: get('dom'), nondom: get('nondom'), rel: get('rel'), face: get('face') ?? get('face.1') }]
      for (let n = 2; get(`dom.${n}`); n++) segs.push({ dom: get(`dom.${n}`), nondom: get(`nondom.${n}`), rel: get(`rel.${n}`), face: get(`face.${n}`) })
      const items = []
      for (const seg of segs) {
        const r = parseSignNotation(seg, { entryId: e.id })
        if (!r.ok) bad.push(...r.issues.map(formatIssue))
        else items.push({ sign: r.sign, label: e.word })
      }
      if (items.length !== segs.length) continue
      try { compileTimeline(items) } catch (err) { bad.push(`${e.id}: ${String(err)}`) }
    }
    expect(bad).toEqual([])
  })
})
