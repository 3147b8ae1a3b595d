/**
 * Dictionary data figures: size of the app chunks per entry (the budget is 200 B gzip), side by
 * side with a plain keyed-JSON encoding, and the compile time.
 */
import { gzipSync } from 'node:zlib'
import { toBody } from '../../src/core/sign/entry'
import { toHeader } from '../../src/core/sign/header'
import { bytesPerSignGzip, compileDictionary, jiebaFrequencies, loadSources, renderChunks, searchExtrasFor } from '../data/compile'
import type { Bench } from './types'

const RUNS = 9

const bench: Bench = {
  name: 'data',
  async run (log) {
    const src = loadSources()
    const tLoad = performance.now()
    jiebaFrequencies(['的'])
    const freqLoadMs = performance.now() - tLoad
    const times: number[] = []
    let result = compileDictionary(src)
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now()
      result = compileDictionary(src)
      times.push(performance.now() - t0)
    }
    times.sort((a, b) => a - b)
    const { dict, issues } = result
    if (issues.length > 0) log(`warning: ${issues.length} validation problems; figures are over the valid part`)
    const extras = await searchExtrasFor(dict)
    const n = dict.entries.length
    const packed = bytesPerSignGzip(renderChunks(dict, extras), n)
    // The alternative: headers and bodies as keyed JSON objects.
    const plainIndex = JSON.stringify({ headers: dict.entries.map(toHeader), extras })
    const plainSigns = JSON.stringify(Object.fromEntries(dict.entries.map(e => [e.id, toBody(e)])))
    const plain = n === 0 ? 0 : Math.round((gzipSync(plainIndex).length + gzipSync(plainSigns).length) / n * 10) / 10
    log(`${n} entries; packed ${packed} B/entry gzip vs keyed JSON ${plain} B/entry; compile median ${times[RUNS >> 1].toFixed(0)} ms (+ jieba file read ${freqLoadMs.toFixed(0)} ms once)`)
    return {
      'data.entries': n,
      'data.bytes_per_sign_gzip': packed,
      'data.bytes_per_sign_gzip_keyed_json': plain,
      'data.compile_ms': Math.round(times[RUNS >> 1] * 10) / 10,
      'data.jieba_read_ms': Math.round(freqLoadMs)
    }
  }
}
export default bench
