import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { HANDSHAPES, HANDSHAPE_TEXTS, getHandshape } from '../../../src/core/sign/handshapes'
import {
  DIACRITIC_LETTER_IDS, HANDSHAPE_FORMS, HANDSHAPE_IDS, LETTER_IDS, getHandshapeForm, type FlexCode, type ThumbCode
} from '../../../src/core/sign/handshape-forms'
import { SITES, SITE_IDS, defaultDistance, getSite } from '../../../src/core/sign/sites'
import { parseHand, parseMovements } from '../../../src/core/sign'

const notationDoc = readFileSync(join(__dirname, '../../../docs/notation.md'), 'utf8')

/** Backticked ids between two markers of docs/notation.md. */
function docIds (from: string, to: string): string[] {
  const start = notationDoc.indexOf(from)
  const end = notationDoc.indexOf(to, start + from.length)
  expect(start).toBeGreaterThanOrEqual(0)
  expect(end).toBeGreaterThan(start)
  const ids: string[] = []
  for (const m of notationDoc.slice(start + from.length, end).matchAll(/`([^`]+)`/g)) ids.push(...m[1].split(/\s+/))
  return ids
}

const FLEX: readonly FlexCode[] = ['E', 'e', 'hb', 'b', 'r', 'c', 'p', 'h', 'k', 'db', 'F']
const THUMB: readonly ThumbCode[] = ['out', 'up', 'tuck', 'across', 'opp', 'touch_index', 'touch_middle', 'touch_ring', 'touch_pinky', 'side', 'gap']

describe('handshape table', () => {
  test('at least 60 rows with unique ids', () => {
    expect(HANDSHAPES.length).toBeGreaterThanOrEqual(60)
    expect(new Set(HANDSHAPE_IDS).size).toBe(HANDSHAPE_IDS.length)
  })

  test('every id has one geometry row (handshape-forms.ts) and one text row (handshapes.ts), in the same order', () => {
    expect(HANDSHAPE_TEXTS.map(t => t.id)).toEqual(HANDSHAPE_FORMS.map(f => f.id))
    for (const h of HANDSHAPES) {
      expect(getHandshapeForm(h.id)).toBe(HANDSHAPE_FORMS.find(f => f.id === h.id))
      // The joined row is the form plus its texts, nothing dropped or invented.
      expect(h).toEqual({ ...getHandshapeForm(h.id), ...HANDSHAPE_TEXTS.find(t => t.id === h.id) })
    }
  })

  test('docs/notation.md lists every handshape of the table, and lists no other', () => {
    const section = notationDoc.slice(notationDoc.indexOf('### Handshape'), notationDoc.indexOf('### Orientation'))
    const listed = new Set<string>()
    for (const line of section.split('\n')) {
      const row = /^\| `([^`]+)` \|/.exec(line)
      if (row) listed.add(row[1])
      if (/^- the (30 finger letters|letter forms|number hands)/.test(line)) for (const m of line.matchAll(/`([^`]+)`/g)) for (const id of m[1].split(/\s+/)) if (getHandshape(id)) listed.add(id)
    }
    expect([...listed].filter(id => !getHandshape(id))).toEqual([])
    expect(HANDSHAPE_IDS.filter(id => !listed.has(id))).toEqual([])
  })

  test('all 30 letters of the 1963 scheme and the number hands 0–10', () => {
    expect(LETTER_IDS).toHaveLength(30)
    for (const id of LETTER_IDS) expect(getHandshape(id)?.group).toBe('letter')
    for (let n = 0; n <= 10; n++) expect(getHandshape(String(n))?.group).toBe('number')
    expect(getHandshape(DIACRITIC_LETTER_IDS['ü'])?.group).toBe('letter')
    expect(getHandshape(DIACRITIC_LETTER_IDS['ê'])?.group).toBe('letter')
  })

  test('every row is complete: Chinese name, description, source, valid codes', () => {
    for (const h of HANDSHAPES) {
      expect(h.zh.length).toBeGreaterThan(0)
      expect(h.description).toMatch(/[\u4e00-\u9fff]/)
      expect(h.source).toMatch(/[\u4e00-\u9fff]/)
      expect(h.fingers).toHaveLength(4)
      for (const f of h.fingers) expect(FLEX).toContain(f)
      expect(['=', '{', 'x']).toContain(h.spread)
      expect(THUMB).toContain(h.thumb)
      // A table line has the orientation whole (finger and palm) or not at all, and only on letters and numbers.
      if (h.defaultOrient) expect([h.id, h.group !== 'common', h.defaultOrient.palm?.length > 0]).toEqual([h.id, true, true])
    }
  })

  test('letters and number hands have a default orientation that parses', () => {
    for (const h of HANDSHAPES.filter(x => x.group !== 'common')) {
      expect(h.defaultOrient).toBeDefined()
      const line = `${h.id} f:${h.defaultOrient!.finger} p:${h.defaultOrient!.palm} @neutral`
      const r = parseHand(line, 'dom', { entryId: h.id })
      expect([line, r.ok]).toEqual([line, true])
    }
  })

  test('the ü and ê movements are the ones docs/notation.md writes, as the parser reads them', () => {
    // The table holds them parsed (the engine carries no parser); the docs hold them as notation.
    const section = notationDoc.slice(notationDoc.indexOf('## Fingerspelling'))
    const written = (label: string): string => {
      const m = new RegExp(`${label}: [^(]*\\(\`([^\`]+)\``).exec(section)
      expect([label, m?.[1]]).toEqual([label, expect.any(String)])
      return m![1]
    }
    for (const [label, id] of [['ü', DIACRITIC_LETTER_IDS['ü']], ['ê', DIACRITIC_LETTER_IDS['ê']]] as const) {
      const r = parseMovements(written(label), 'letterMove', { entryId: id })
      if (!r.ok) throw new Error(`${label}: ${written(label)}`)
      expect([id, getHandshapeForm(id)!.letterMoves]).toEqual([id, r.moves])
    }
    // Only letters move.
    expect(HANDSHAPE_FORMS.filter(f => f.letterMoves && f.group !== 'letter')).toEqual([])
  })

  test('no two letters look the same: handshape, orientation or movement differ', () => {
    const letters = HANDSHAPES.filter(h => h.group === 'letter')
    const seen = new Map<string, string>()
    for (const h of letters) {
      const key = JSON.stringify([h.fingers, h.spread, h.thumb, h.defaultOrient, h.letterMoves ?? []])
      expect([h.id, seen.get(key)]).toEqual([h.id, undefined])
      seen.set(key, h.id)
    }
  })

  test('letters that share a handshape say so in their description', () => {
    const letters = HANDSHAPES.filter(h => h.group === 'letter')
    for (const a of letters) {
      const twins = letters.filter(b => b !== a && JSON.stringify([b.fingers, b.spread, b.thumb]) === JSON.stringify([a.fingers, a.spread, a.thumb]))
      if (twins.length === 0) continue
      // The description must point at the difference (orientation, movement) or the twin.
      expect([a.id, /相同|区别|基础|先打/.test(a.description)]).toEqual([a.id, true])
    }
  })
})

describe('site table', () => {
  test('at least 40 rows with unique ids', () => {
    expect(SITES.length).toBeGreaterThanOrEqual(40)
    expect(new Set(SITE_IDS).size).toBe(SITE_IDS.length)
  })

  test('every site id listed in docs/notation.md exists', () => {
    const ids = docIds('- `site`:', '- `side`').filter(id => /^(H\.)?[a-z_]+$/.test(id))
    expect(ids.length).toBeGreaterThanOrEqual(40)
    for (const id of ids) expect([id, getSite(id)?.id]).toEqual([id, id])
  })

  test('paired sites are exactly the ones that come in left and right', () => {
    const paired = ['cheek', 'ear', 'shoulder', 'temple', 'eye', 'brow', 'earlobe', 'upper_arm', 'elbow', 'forearm', 'wrist', 'waist', 'hip', 'chest_side', 'side', 'head_side', 'armpit', 'ribs', 'buttock', 'thigh']
    expect(SITES.filter(s => s.paired).map(s => s.id).sort()).toEqual([...paired].sort())
    for (const s of SITES) expect(s.paired ? s.defaultSide : undefined).toBe(s.paired ? (s.region === 'arm' ? 'c' : 'i') : undefined)
  })

  test('regions and default distances follow docs/notation.md', () => {
    for (const s of SITES) {
      expect(['head', 'face', 'neck', 'torso', 'legs', 'arm', 'hand', 'space']).toContain(s.region)
      expect(s.id.startsWith('H.')).toBe(s.region === 'hand')
      expect(s.zh).toMatch(/[\u4e00-\u9fff]/)
    }
    expect(defaultDistance('H.palm')).toBe('touch')
    expect(defaultDistance('cheek')).toBe('near')
    expect(defaultDistance('chest')).toBe('close')
    expect(defaultDistance('neutral')).toBeUndefined()
    expect(defaultDistance('nowhere')).toBeUndefined()
  })
})
