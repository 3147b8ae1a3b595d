/**
 * Viewer preferences (shouyu.playerPrefs, version 2): read from whatever storage holds, old
 * records upgraded, never thrown away for a bad field.
 */
import { DEFAULT_PREFS, PREFS_VERSION, parsePrefs } from '../../src/components/SignPlayer/prefs'

describe('player preferences', () => {
  test('version 2 reads back as written', () => {
    const p = { mirror: true, view: 'side', speed: 0.5, closeUp: true, trail: false }
    expect(parsePrefs({ v: PREFS_VERSION, ...p })).toEqual(p)
    expect(parsePrefs({ v: PREFS_VERSION, ...p, view: 'front' }).view).toBe('front')
    expect(parsePrefs({ v: PREFS_VERSION, ...p, view: 'auto' }).view).toBe('auto')
  })

  test('a version-1 record keeps mirror, speed, close-up and a chosen angle; its "front" (the old default) becomes automatic, the trail on', () => {
    expect(parsePrefs({ v: 1, mirror: true, view: 'front', speed: 1.5, closeUp: false })).toEqual({ mirror: true, view: 'auto', speed: 1.5, closeUp: false, trail: true })
    expect(parsePrefs({ v: 1, mirror: false, view: '45', speed: 1, closeUp: true }).view).toBe('45')
  })

  test('anything else falls back to the defaults, field by field', () => {
    expect(parsePrefs(null)).toEqual(DEFAULT_PREFS)
    expect(parsePrefs('x')).toEqual(DEFAULT_PREFS)
    expect(parsePrefs({ v: 9, mirror: true })).toEqual(DEFAULT_PREFS)
    expect(parsePrefs({ v: PREFS_VERSION, mirror: 'yes', view: 'top', speed: 7, closeUp: 1, trail: 'no' })).toEqual({ ...DEFAULT_PREFS, trail: true })
  })
})
