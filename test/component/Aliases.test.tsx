// An entry merged into another (她 into 他) since the learner's last visit: their favorite, cards
// and history come along, and an old link still opens the sign.
import MePage from '../../src/pages/me'
import { emptyProgress, gradeCard, setFavorite } from '../../src/core/learn'
import { saveProgress } from '../../src/services/progress'
import { progress } from '../../src/services/learning'
import { getEntry } from '../../src/services/signs'
import { mount, text, texts } from './helpers'

// The real compiled dictionary, with one retired id pointing at its first entry.
jest.mock('../../src/data/compiled/index', () => {
  const real = jest.requireActual('../../src/data/compiled/index')
  return { ...real, ALIASES: { retired_entry: real.HEADERS[0].id } }
})
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the mocked module, to read what the test set
const KEPT = require('../../src/data/compiled/index').HEADERS[0]

const T = Date.UTC(2026, 11, 1, 8)

test('progress saved under a retired id shows under the kept entry after the next start', async () => {
  // Saved by an earlier version of the app, before the merge.
  saveProgress(gradeCard(setFavorite(emptyProgress(), 'retired_entry', true, T), 'retired_entry@s2w', 'good', T))
  const s = progress()
  expect(Object.keys(s.favorites)).toEqual([KEPT.id])
  expect(Object.keys(s.cards)).toEqual([`${KEPT.id}@s2w`])
  const t = await mount(MePage)
  expect(text(t, '.fav-title')).toBe('收藏（1）')
  expect(texts(t, '.fav-row .me-row-word')).toEqual([KEPT.word])
})

test('an old link to the retired id opens the kept entry', () => {
  expect(getEntry('retired_entry')?.id).toBe(KEPT.id)
})
