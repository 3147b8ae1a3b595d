/**
 * The fake GLM-ASR server as a process, for the browser tests (which run in plain Node and start
 * it with tsx): prints `ASR_BASE_URL=<url>` once listening, then one `ASR_REQUEST {json}` line per
 * request with what the audio was (format, sample rate, duration, loudness), so a test can check
 * the page sent a real recording. Key and transcript from ASR_FAKE_KEY / ASR_FAKE_TRANSCRIPT.
 */
import { audioInfo, levelOf } from '../../src/core/translate/audio'
import { startAsrServer } from './asr-server'

async function run (): Promise<void> {
  const server = await startAsrServer({ apiKey: process.env.ASR_FAKE_KEY ?? 'fake-key', transcript: process.env.ASR_FAKE_TRANSCRIPT })
  let seen = 0
  setInterval(() => {
    while (seen < server.requests.length) {
      const r = server.requests[seen++]
      const bytes = new Uint8Array(Buffer.from(r.fields.file_base64?.[0] ?? '', 'base64'))
      const info = audioInfo(bytes)
      // Loudness of the PCM samples after the 44-byte header (the page's encoder writes no other chunks).
      const pcm = info.ok && info.format === 'wav' ? new Int16Array(bytes.buffer.slice(44 + bytes.byteOffset, bytes.byteOffset + bytes.length - ((bytes.length - 44) % 2))) : new Int16Array(0)
      const level = levelOf(Float32Array.from(pcm, x => x / 32768))
      process.stdout.write(`ASR_REQUEST ${JSON.stringify({ path: r.path, model: r.fields.model?.[0], info, level })}\n`)
    }
  }, 50)
  process.stdout.write(`ASR_BASE_URL=${server.baseUrl}\n`)
  const stop = (): void => { void server.close().then(() => process.exit(0)) }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
}

void run()
