/** Speech input, the pure part (src/core/translate/audio.ts): format sniffing, WAV encoding, resampling, the level meter, utterance detection. */
import { audioInfo, createUtteranceDetector, encodeWav, levelOf, resample, toBase64 } from '../../../src/core/translate/audio'

const tone = (n: number, rate: number, hz = 220, amp = 0.5): Float32Array => Float32Array.from({ length: n }, (_, i) => amp * Math.sin(2 * Math.PI * hz * i / rate))

describe('audioInfo: what the bytes are, not what the client says', () => {
  it('reads a 16-bit PCM WAV and its duration', () => {
    expect(audioInfo(encodeWav(tone(24000, 16000), 16000))).toEqual({ ok: true, format: 'wav', durationMs: 1500, sampleRate: 16000, channels: 1 })
  })
  it('walks MP3 frames after an ID3 tag', () => {
    const frame = [0xff, 0xf3, 0x48, 0xc4]
    const body = new Uint8Array(10 + 144 * 50)
    body.set([0x49, 0x44, 0x33, 3, 0, 0, 0, 0, 0, 0]) // ID3v2, size 0
    for (let f = 0; f < 50; f++) body.set(frame, 10 + f * 144)
    expect(audioInfo(body)).toMatchObject({ ok: true, format: 'mp3', durationMs: 1800, sampleRate: 16000, channels: 1 })
  })
  it('refuses other formats and broken files', () => {
    expect(audioInfo(new TextEncoder().encode('OggS' + ' '.repeat(100)))).toEqual({ ok: false, reason: 'unsupported' })
    expect(audioInfo(new Uint8Array(4))).toEqual({ ok: false, reason: 'corrupt' })
    const wav = encodeWav(tone(100, 16000), 16000)
    wav[20] = 3 // IEEE float, not PCM
    expect(audioInfo(wav)).toEqual({ ok: false, reason: 'unsupported' })
  })
})

describe('the in-page encoder', () => {
  it('encodes clipped 16-bit samples after a 44-byte header', () => {
    const wav = encodeWav(Float32Array.from([0, 1, -1, 2]), 16000)
    const v = new DataView(wav.buffer)
    expect(wav.length).toBe(44 + 8)
    expect([v.getInt16(44, true), v.getInt16(46, true), v.getInt16(48, true), v.getInt16(50, true)]).toEqual([0, 32767, -32768, 32767])
  })
  it('resamples 48 kHz to 16 kHz keeping the length in time and the tone', () => {
    const out = resample(tone(48000, 48000, 440), 48000, 16000)
    expect(out.length).toBe(16000)
    expect(levelOf(out)).toBeGreaterThan(0.8)
    expect(resample(Float32Array.from([0, 1]), 8000, 16000)[1]).toBeCloseTo(0.5, 6)
  })
  it('base64 matches Node for every padding length', () => {
    for (const n of [0, 1, 2, 3, 100]) {
      const b = Uint8Array.from({ length: n }, (_, i) => (i * 37) & 255)
      expect(toBase64(b)).toBe(Buffer.from(b).toString('base64'))
    }
  })
  it('the level meter reads silence as 0 and a loud tone near 1', () => {
    expect(levelOf(new Float32Array(100))).toBe(0)
    expect(levelOf(tone(1600, 16000, 220, 0.9))).toBeGreaterThan(0.9)
    expect(levelOf(tone(1600, 16000, 220, 0.001))).toBeLessThan(0.1)
  })
})

describe('utterance detection (同步 mode)', () => {
  it('starts after sustained speech and ends after the silence, ignoring a click', () => {
    const d = createUtteranceDetector({ threshold: 0.5, silenceMs: 500, minSpeechMs: 200 })
    const events: Array<[number, string]> = []
    const feed = (level: number, from: number, to: number): void => { for (let t = from; t < to; t += 50) { const e = d.push(level, t); if (e) events.push([t, e]) } }
    feed(0.9, 0, 100) // a click: too short
    feed(0.1, 100, 400)
    feed(0.8, 400, 1400) // speech
    feed(0.1, 1400, 2200) // silence
    expect(events).toEqual([[600, 'start'], [1900, 'end']])
  })
  it('cuts a never-ending utterance before the 30 s limit', () => {
    const d = createUtteranceDetector({ threshold: 0.5, minSpeechMs: 0 })
    expect(d.push(0.9, 0)).toBe('start')
    let end = -1
    for (let t = 100; t <= 31000 && end < 0; t += 100) if (d.push(0.9, t) === 'end') end = t
    expect(end).toBeGreaterThan(29000)
    expect(end).toBeLessThan(30000)
  })
})
