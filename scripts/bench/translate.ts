/**
 * Sentence translation figures:
 * - translate.offline_ms: median time of the offline translator per sentence (the 60+ sentences
 *   of test/unit/translate/sentences.json, real dictionary); goal ≤ 5 ms.
 * - translate.cache_hit_ms: median time of main() for a repeated sentence (SQLite cache hit),
 *   beside translate.cache_miss_ms (a miss against the local GLM protocol server).
 * - translate.model_calls_per_sentence (1 on a miss) and translate.model_calls_on_hit (0).
 * - translate.heldout_rougeL / translate.heldout_bleu4: the offline rules (jieba segmentation) on
 *   the held-out labelled pairs (test/fixtures/translate/heldout.json), word level, beside
 *   translate.baseline_rougeL / translate.baseline_bleu4 for the untouched Chinese order (every
 *   word jieba finds, in order). Goal: ROUGE-L ≥ baseline + 10. (scripts/bench/_translate-eval.ts)
 * - translate.concise_ratio: signs per input character of the held-out part in concise mode
 *   (speech ≈ 200 characters a minute, signing ≈ 80 signs: 0.4 would keep pace).
 */
import { compileDictionary, loadSources } from '../data/compile'
import { translateOffline } from '../../src/core/translate/offline'
import { buildVocabulary } from '../../src/core/translate/vocabulary'
import { startGlmServer } from '../../test/support/glm-server'
import data from '../../test/unit/translate/sentences.json'
import heldout from '../../test/fixtures/translate/heldout.json'
import { jiebaSegmenter } from '../../cloudfunctions/_shared/segmenter'
import { score } from './_translate-eval'
import type { Bench } from './types'
import { withLocalCloud } from './_local-cloud'

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}
const round = (x: number): number => Math.round(x * 1000) / 1000

const bench: Bench = {
  name: 'translate',
  async run (log) {
    const { dict } = compileDictionary(loadSources())
    const items = [
      ...data.standard.map(s => ({ text: s.text, mode: 'standard' as const })),
      ...data.concise.map(s => ({ text: s.text, mode: 'concise' as const }))
    ]
    const sentences = items.map(s => s.text)
    const { toPinyin, main, runtime } = await import('../../cloudfunctions/translate/index')

    // Offline translator: each sentence 30 times, median per sentence, then the median of those.
    const vocab = buildVocabulary(dict)
    const segmenter = jiebaSegmenter()
    const quality = score(heldout, vocab, segmenter)
    log(`held-out: ${heldout.pairs.length} pairs; rules ROUGE-L ${quality.rougeL} vs Chinese order ${quality.baselineRougeL}`)
    const perSentence: number[] = []
    for (const s of items) {
      const times: number[] = []
      for (let k = 0; k < 30; k++) {
        const t0 = performance.now()
        translateOffline(s.text, vocab, { mode: s.mode, toPinyin, segmenter })
        times.push(performance.now() - t0)
      }
      perSentence.push(median(times))
    }
    log(`offline: ${sentences.length} sentences, ${dict.entries.length} entries, worst median ${Math.max(...perSentence).toFixed(3)} ms`)

    // Through main(): local mode, SQLite in memory, model = the local GLM protocol server.
    const glm = await startGlmServer({ apiKey: 'bench-key' })
    try {
      return await withLocalCloud({ dict, baseUrl: glm.baseUrl, apiKey: 'bench-key', unset: ['GLM_MODEL'], runtime }, async () => {
        let user = 0
        // A new user per call keeps the rate limit out of the measurement.
        const call = async (s: { text: string, mode: string }): Promise<void> => {
          const r = await main({ text: s.text, mode: s.mode, __localUser: `bench${user++}` })
          if (!r.ok) throw new Error(`${r.code} ${r.message}`)
        }
        const missTimes: number[] = []
        for (const s of items) { const t0 = performance.now(); await call(s); missTimes.push(performance.now() - t0) }
        const missCalls = glm.requests.length / sentences.length
        glm.reset()
        const hitTimes: number[] = []
        for (let k = 0; k < 3; k++) {
          for (const s of items) { const t0 = performance.now(); await call(s); hitTimes.push(performance.now() - t0) }
        }
        const hitCalls = glm.requests.length / (3 * sentences.length)
        log(`main(): ${sentences.length} misses, ${hitTimes.length} hits`)
        return {
          'translate.offline_ms': round(median(perSentence)),
          'translate.offline_max_ms': round(Math.max(...perSentence)),
          'translate.cache_hit_ms': round(median(hitTimes)),
          'translate.cache_miss_ms': round(median(missTimes)),
          'translate.model_calls_per_sentence': missCalls,
          'translate.model_calls_on_hit': hitCalls,
          'translate.heldout_rougeL': quality.rougeL,
          'translate.heldout_bleu4': quality.bleu4,
          'translate.baseline_rougeL': quality.baselineRougeL,
          'translate.baseline_bleu4': quality.baselineBleu4,
          'translate.concise_ratio': quality.conciseRatio
        }
      })
    } finally {
      await glm.close()
    }
  }
}
export default bench
