/**
 * Speech input, the pure part shared by the page and the `asr` cloud function: what audio is
 * accepted (16-bit PCM WAV or MP3, at most 30 s), recognising a file's format and duration from
 * its bytes (never from what the client claims), and the in-page WAV encoder (resample to
 * 16 kHz mono, 16-bit PCM). No DOM, no Node: bytes in, bytes out. docs/translate.md "Speech in".
 */

/** GLM-ASR accepts at most 30 s per request (docs/glm-protocol.md). */
export const ASR_MAX_SECONDS = 30
/** Shorter than this is a tap, not an utterance: not sent. */
export const ASR_MIN_MS = 300
/** Sample rate we record and send: what speech recognisers are trained on; 32 KB/s as 16-bit mono. */
export const ASR_SAMPLE_RATE = 16000
/**
 * Largest decoded audio accepted, bytes: 30 s of 16 kHz mono 16-bit WAV is 960,044 bytes; a
 * little room for a header with extra chunks. MP3 at 48 kbit/s is 180 KB for 30 s.
 */
export const ASR_MAX_AUDIO_BYTES = 1_000_000
/** The same as base64 text (4 characters per 3 bytes), the largest `audio` field accepted. */
export const ASR_MAX_BASE64_CHARS = Math.ceil(ASR_MAX_AUDIO_BYTES / 3) * 4
/** Hot words sent with each request: Zhipu recommends at most 100. */
export const ASR_MAX_HOTWORDS = 100

export type AudioFormat = 'wav' | 'mp3'
export const AUDIO_FORMATS: readonly AudioFormat[] = ['wav', 'mp3']

export type AudioInfo =
  | { ok: true, format: AudioFormat, durationMs: number, sampleRate: number, channels: number }
  | { ok: false, reason: 'unsupported' | 'corrupt' }

const ascii = (b: Uint8Array, at: number, n: number): string => String.fromCharCode(...b.subarray(at, at + n))
const u16 = (b: Uint8Array, at: number): number => b[at] | (b[at + 1] << 8)
const u32 = (b: Uint8Array, at: number): number => (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0

/** RIFF/WAVE with PCM (format 1) samples: the duration from the data chunk's size. */
function wavInfo (b: Uint8Array): AudioInfo {
  let at = 12
  let rate = 0
  let channels = 0
  let bits = 0
  let pcm = false
  while (at + 8 <= b.length) {
    const id = ascii(b, at, 4)
    const size = u32(b, at + 4)
    if (id === 'fmt ' && at + 24 <= b.length) {
      pcm = u16(b, at + 8) === 1
      channels = u16(b, at + 10)
      rate = u32(b, at + 12)
      bits = u16(b, at + 22)
    } else if (id === 'data') {
      if (!pcm || rate <= 0 || channels <= 0 || bits <= 0 || bits % 8 !== 0) return { ok: false, reason: pcm ? 'corrupt' : 'unsupported' }
      // A streamed WAV may say 0 or 0xFFFFFFFF: then the bytes that are there count.
      const bytes = Math.min(size === 0 || size === 0xffffffff ? Infinity : size, b.length - at - 8)
      return { ok: true, format: 'wav', durationMs: Math.round(1000 * bytes / (rate * channels * bits / 8)), sampleRate: rate, channels }
    }
    at += 8 + size + (size & 1)
  }
  return { ok: false, reason: 'corrupt' }
}

// MPEG audio frame header tables (ISO 11172-3 / 13818-3), Layer III only.
const MP3_BITRATES: Record<'v1' | 'v2', number[]> = {
  v1: [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  v2: [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160]
}
const MP3_RATES: Record<number, number[]> = { 3: [44100, 48000, 32000], 2: [22050, 24000, 16000], 0: [11025, 12000, 8000] }

/** Walks the MP3 frames (after an ID3v2 tag) and adds up their durations. */
function mp3Info (b: Uint8Array): AudioInfo {
  let at = 0
  if (ascii(b, 0, 3) === 'ID3' && b.length >= 10) {
    at = 10 + ((b[6] & 0x7f) << 21 | (b[7] & 0x7f) << 14 | (b[8] & 0x7f) << 7 | (b[9] & 0x7f))
  }
  let samples = 0
  let rate = 0
  let channels = 0
  let frames = 0
  while (at + 4 <= b.length) {
    if (b[at] !== 0xff || (b[at + 1] & 0xe0) !== 0xe0) {
      if (frames > 0 && ascii(b, at, 3) === 'TAG') break // ID3v1 at the end
      if (frames > 0) return { ok: false, reason: 'corrupt' }
      at++ // junk before the first frame
      if (at > 4096) return { ok: false, reason: 'unsupported' }
      continue
    }
    const version = (b[at + 1] >> 3) & 3 // 3: MPEG-1, 2: MPEG-2, 0: MPEG-2.5
    const layer = (b[at + 1] >> 1) & 3 // 1: Layer III
    const bIdx = b[at + 2] >> 4
    const rIdx = (b[at + 2] >> 2) & 3
    if (version === 1 || layer !== 1 || bIdx === 0 || bIdx === 15 || rIdx === 3) return { ok: false, reason: frames > 0 ? 'corrupt' : 'unsupported' }
    const sr = MP3_RATES[version][rIdx]
    const kbps = (version === 3 ? MP3_BITRATES.v1 : MP3_BITRATES.v2)[bIdx]
    const perFrame = version === 3 ? 1152 : 576
    const padding = (b[at + 2] >> 1) & 1
    const size = Math.floor((perFrame / 8) * kbps * 1000 / sr) + padding
    rate = sr
    channels = (b[at + 3] >> 6) === 3 ? 1 : 2
    samples += perFrame
    frames++
    at += size
  }
  if (frames === 0) return { ok: false, reason: 'unsupported' }
  return { ok: true, format: 'mp3', durationMs: Math.round(1000 * samples / rate), sampleRate: rate, channels }
}

/** The format and duration of an audio file from its bytes; only PCM WAV and MPEG Layer III are known. */
export function audioInfo (bytes: Uint8Array): AudioInfo {
  if (bytes.length < 12) return { ok: false, reason: 'corrupt' }
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WAVE') return wavInfo(bytes)
  if (ascii(bytes, 0, 3) === 'ID3' || (bytes[0] === 0xff && (bytes[1] & 0xe0) === 0xe0)) return mp3Info(bytes)
  return { ok: false, reason: 'unsupported' }
}

/**
 * Resamples mono samples to `toRate` by averaging the input samples that fall in each output
 * sample's span (a box filter: enough to keep 48 kHz → 16 kHz from aliasing speech), or linear
 * interpolation when upsampling.
 */
export function resample (input: Float32Array, fromRate: number, toRate: number): Float32Array {
  if (fromRate === toRate) return input.slice()
  const ratio = fromRate / toRate
  const out = new Float32Array(Math.floor(input.length / ratio))
  for (let i = 0; i < out.length; i++) {
    const start = i * ratio
    if (ratio > 1) {
      const from = Math.floor(start)
      const to = Math.min(input.length, Math.floor(start + ratio))
      let sum = 0
      for (let k = from; k < to; k++) sum += input[k]
      out[i] = to > from ? sum / (to - from) : 0
    } else {
      const k = Math.floor(start)
      const f = start - k
      out[i] = input[k] * (1 - f) + (input[Math.min(k + 1, input.length - 1)] ?? 0) * f
    }
  }
  return out
}

/** 16-bit PCM mono WAV of samples in [-1, 1] (clipped). */
export function encodeWav (samples: Float32Array, sampleRate: number): Uint8Array {
  const data = samples.length * 2
  const out = new Uint8Array(44 + data)
  const view = new DataView(out.buffer)
  const text = (at: number, s: string): void => { for (let i = 0; i < s.length; i++) out[at + i] = s.charCodeAt(i) }
  text(0, 'RIFF'); view.setUint32(4, 36 + data, true); text(8, 'WAVE')
  text(12, 'fmt '); view.setUint32(16, 16, true); view.setUint16(20, 1, true); view.setUint16(22, 1, true)
  view.setUint32(24, sampleRate, true); view.setUint32(28, sampleRate * 2, true); view.setUint16(32, 2, true); view.setUint16(34, 16, true)
  text(36, 'data'); view.setUint32(40, data, true)
  for (let i = 0; i < samples.length; i++) {
    const s = Math.max(-1, Math.min(1, samples[i]))
    view.setInt16(44 + 2 * i, s < 0 ? s * 0x8000 : s * 0x7fff, true)
  }
  return out
}

/** Loudness of a block of samples for the level meter: RMS mapped to 0–1 on a dB scale (-60 dB → 0). */
export function levelOf (samples: Float32Array): number {
  let sum = 0
  for (let i = 0; i < samples.length; i++) sum += samples[i] * samples[i]
  const rms = Math.sqrt(sum / Math.max(1, samples.length))
  if (rms <= 0) return 0
  return Math.max(0, Math.min(1, 1 + (20 * Math.log10(rms)) / 60))
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** Standard base64 of bytes (the page has no Buffer; btoa needs a binary string the size of the audio). */
export function toBase64 (bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0)
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + (i + 1 < bytes.length ? B64[(n >> 6) & 63] : '=') + (i + 2 < bytes.length ? B64[n & 63] : '=')
  }
  return out
}

/**
 * Utterance detection for 同步 (listen) mode, fed the meter's levels: an utterance starts when the
 * level stays above `threshold` and ends after `silenceMs` below it (or at the 30 s cap). Pure:
 * the caller passes the time.
 */
export interface UtteranceDetector {
  /** Returns 'start' when speech begins, 'end' when an utterance is complete, else null. */
  push (level: number, atMs: number): 'start' | 'end' | null
  reset (): void
}

export const VAD_THRESHOLD = 0.35
export const VAD_SILENCE_MS = 900
export const VAD_MIN_SPEECH_MS = 250

export function createUtteranceDetector (o: { threshold?: number, silenceMs?: number, minSpeechMs?: number } = {}): UtteranceDetector {
  const threshold = o.threshold ?? VAD_THRESHOLD
  const silenceMs = o.silenceMs ?? VAD_SILENCE_MS
  const minSpeechMs = o.minSpeechMs ?? VAD_MIN_SPEECH_MS
  let speaking = false
  let loudSince = -1
  let quietSince = -1
  let startedAt = -1
  return {
    push (level, atMs) {
      if (!speaking) {
        if (level >= threshold) {
          if (loudSince < 0) loudSince = atMs
          if (atMs - loudSince >= minSpeechMs) { speaking = true; startedAt = loudSince; quietSince = -1; return 'start' }
        } else loudSince = -1
        return null
      }
      if (atMs - startedAt >= ASR_MAX_SECONDS * 1000 - 500) { speaking = false; loudSince = -1; return 'end' }
      if (level < threshold) {
        if (quietSince < 0) quietSince = atMs
        if (atMs - quietSince >= silenceMs) { speaking = false; loudSince = -1; return 'end' }
      } else quietSince = -1
      return null
    },
    reset () { speaking = false; loudSince = -1; quietSince = -1; startedAt = -1 }
  }
}

/**
 * A level for the meter from encoded MP3 frames (WeChat's recorder hands out MP3, not samples):
 * the mean `big_values` of the frames' first granule — how many spectral pairs are non-zero,
 * 0 in silence, rising with loudness and voice — over its full range of 288. Coarse, but it tells
 * "I hear you" from "silence", which is what the meter and utterance detection need.
 */
export function mp3Level (bytes: Uint8Array): number {
  let at = 0
  let sum = 0
  let frames = 0
  while (at + 12 <= bytes.length) {
    if (bytes[at] !== 0xff || (bytes[at + 1] & 0xe0) !== 0xe0) { at++; continue }
    const version = (bytes[at + 1] >> 3) & 3
    const layer = (bytes[at + 1] >> 1) & 3
    const crc = (bytes[at + 1] & 1) === 0
    if (version === 1 || layer !== 1) { at++; continue }
    const mono = (bytes[at + 3] >> 6) === 3
    // Side info: MPEG-1 main_data_begin 9 + private 5 (mono) / 3 (stereo) + scfsi 4 / 8 bits;
    // MPEG-2 main_data_begin 8 + private 1 / 2 bits. Then part2_3_length 12, big_values 9.
    const skip = version === 3 ? (mono ? 18 : 20) : (mono ? 9 : 10)
    const bit = (at + 4 + (crc ? 2 : 0)) * 8 + skip + 12
    let v = 0
    for (let k = 0; k < 9; k++) {
      const b = bit + k
      v = (v << 1) | ((bytes[b >> 3] >> (7 - (b & 7))) & 1)
    }
    sum += Math.min(v, 288)
    frames++
    const bIdx = bytes[at + 2] >> 4
    const rIdx = (bytes[at + 2] >> 2) & 3
    const sr = MP3_RATES[version]?.[rIdx]
    const kbps = (version === 3 ? MP3_BITRATES.v1 : MP3_BITRATES.v2)[bIdx]
    if (!sr || !kbps) { at++; continue }
    at += Math.max(4, Math.floor(((version === 3 ? 1152 : 576) / 8) * kbps * 1000 / sr) + ((bytes[at + 2] >> 1) & 1))
  }
  return frames === 0 ? 0 : Math.min(1, (sum / frames) / 144)
}
