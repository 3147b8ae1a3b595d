/**
 * One slow call must not stall the others in the same process (the local server runs every
 * function in one process; a WeChat instance may serve concurrent calls too): a heavy sync works
 * in slices and lets the event loop turn between them, and a crafted upload cannot ask for
 * unbounded work. Ordering, not wall-clock time, is asserted; the latency figure under load is
 * the benchmark's (server.translate_p99_under_sync_ms).
 */
import type * as ProgressModule from '../../cloudfunctions/progress/index'
import type * as TranslateModule from '../../cloudfunctions/translate/index'
import { resetStoreForTests } from '../../cloudfunctions/_shared/env'
import { CARD_LOG_ACCEPT_MAX, emptyProgress } from '../../src/core/learn'
import { buildCard } from '../../src/core/learn/schedule'

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the TypeScript sources, not the bundles the build may have left beside them
const progress = require('../../cloudfunctions/progress/index.ts') as typeof ProgressModule
// eslint-disable-next-line @typescript-eslint/no-require-imports -- as above
const translate = require('../../cloudfunctions/translate/index.ts') as typeof TranslateModule

const T0 = Date.UTC(2026, 0, 5)
const DAY = 86400000

beforeEach(() => {
  process.env.SHOUYU_SQLITE = ':memory:'
  delete process.env.GLM_API_KEY
  resetStoreForTests()
})
afterAll(() => { resetStoreForTests(); delete process.env.SHOUYU_SQLITE })

/** Cards whose logs need folding: every card costs the server replays (the heavy path). */
function heavyUpload (cards: number, reviews: number): unknown {
  const s = emptyProgress()
  for (let c = 0; c < cards; c++) {
    const log = Array.from({ length: reviews }, (_, r) => [T0 + c * 1000 + r * DAY, 3] as [number, 3])
    s.cards[`w${c}@s2w`] = buildCard(undefined, log, log[0][0], false)
  }
  return JSON.parse(JSON.stringify(s))
}

test('during a heavy sync timers keep firing, and a translation started meanwhile finishes before it', async () => {
  let ticks = 0
  let syncDone = false
  let translatedBeforeSync: boolean | null = null
  let translation: Promise<void> | null = null
  const timer = setInterval(() => {
    ticks++
    if (ticks === 3) {
      translation = translate.main({ text: '我想回家', __localUser: 'bob' }).then(r => {
        expect(r.ok).toBe(true)
        translatedBeforeSync = !syncDone
      })
    }
  }, 0)
  const r = await progress.main({ action: 'sync', state: heavyUpload(600, 40), __localUser: 'alice' }) as any
  syncDone = true
  clearInterval(timer)
  expect(r.ok).toBe(true)
  expect(Object.keys(r.state.cards)).toHaveLength(600)
  expect(ticks).toBeGreaterThanOrEqual(3)
  await translation
  expect(translatedBeforeSync).toBe(true)
}, 60000)

test('a crafted upload of one card with 12,500 reviews (~230 KB) is refused with its reason, not replayed', async () => {
  const crafted: any = emptyProgress()
  const log = Array.from({ length: 12500 }, (_, r) => [T0 + r * 60000, 3])
  crafted.cards['wo@s2w'] = { due: T0, s: 1, d: 5, state: 2, step: 0, reps: 12500, lapses: 0, sched: 1, last: T0, first: T0, log }
  expect(JSON.stringify(crafted).length).toBeGreaterThan(220 * 1024)
  const r = await progress.main({ action: 'sync', state: crafted, __localUser: 'mallory' }) as any
  expect(r.ok).toBe(true)
  expect(r.state.cards).toEqual({})
  expect(r.dropped).toEqual([`卡片 wo@s2w 没有同步：复习记录过多（一张卡片最多 ${CARD_LOG_ACCEPT_MAX} 条）。`])
})
