/**
 * Speech-in figures, against the local GLM-ASR protocol server (test/support/asr-server.ts):
 * - asr.calls_per_utterance: requests to GLM-ASR per recognised utterance (1: no retry on success,
 *   nothing sent for audio refused locally).
 * - asr.fake_roundtrip_ms: median time of the asr function's main() for a 5 s 16 kHz WAV
 *   (validation, base64, multipart, HTTP on loopback): our own overhead, without the model's time.
 */
import { main, runtime } from '../../cloudfunctions/asr/index'
import { encodeWav } from '../../src/core/translate/audio'
import { compileDictionary, loadSources } from '../data/compile'
import { startAsrServer } from '../../test/support/asr-server'
import type { Bench } from './types'
import { withLocalCloud } from './_local-cloud'

const UTTERANCES = 40

const bench: Bench = {
  name: 'asr',
  async run (log) {
    const { dict } = compileDictionary(loadSources())
    const n = 5 * 16000
    const samples = Float32Array.from({ length: n }, (_, i) => 0.3 * Math.sin(2 * Math.PI * 220 * i / 16000))
    const audio = Buffer.from(encodeWav(samples, 16000)).toString('base64')
    const server = await startAsrServer({ apiKey: 'bench-key' })
    try {
      return await withLocalCloud({ dict, baseUrl: server.baseUrl, apiKey: 'bench-key', unset: ['GLM_ASR_MODEL'], runtime }, async () => {
        const times: number[] = []
        for (let k = 0; k < UTTERANCES; k++) {
          const t0 = performance.now()
          const r = await main({ audio, format: 'wav', __localUser: `bench${k}` })
          times.push(performance.now() - t0)
          if (!r.ok) throw new Error(`${r.code} ${r.message}`)
        }
        times.sort((a, b) => a - b)
        log(`${UTTERANCES} utterances of 5 s, ${server.requests.length} requests`)
        return {
          'asr.calls_per_utterance': server.requests.length / UTTERANCES,
          'asr.fake_roundtrip_ms': Math.round(1000 * times[Math.floor(times.length / 2)]) / 1000
        }
      })
    } finally {
      await server.close()
    }
  }
}
export default bench
