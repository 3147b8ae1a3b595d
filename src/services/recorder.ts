/**
 * The microphone, one interface for both platforms; pages never know which.
 * - WeChat: RecorderManager, MP3 16 kHz mono (a 30 s utterance is ~180 KB to upload), the level
 *   from the encoded frames (mp3Level), scope.record asked for first; a refusal can be undone
 *   only in the settings page (wx.openSetting), so `openMicSettings` is offered.
 * - H5: getUserMedia + a ScriptProcessor collecting samples, resampled in the page to 16 kHz and
 *   encoded as 16-bit mono WAV (core/translate/audio.ts); the level is the RMS of each block.
 * Both stop by themselves at ASR_MAX_SECONDS. `listen` (同步 mode) keeps the microphone open and
 * hands over one recording per utterance, cut by the utterance detector.
 */
import Taro from '@tarojs/taro'
import {
  ASR_MAX_SECONDS, ASR_MIN_MS, ASR_SAMPLE_RATE, type AudioFormat, createUtteranceDetector, encodeWav, levelOf,
  mp3Level, resample, toBase64
} from '../core/translate'

export type Recording =
  | { ok: true, audio: string, format: AudioFormat, durationMs: number }
  | { ok: false, code: 'DENIED' | 'NO_MIC' | 'TOO_SHORT' | 'FAILED', message: string }

export interface RecordOptions {
  /** 0–1 loudness and the time recorded so far, about 10 times a second. */
  onLevel?: (level: number, elapsedMs: number) => void
  /** The 30 s cap was reached: the recording stopped by itself. */
  onAutoStop?: (r: Recording) => void
}

export interface RecordSession {
  stop: () => Promise<Recording>
  cancel: () => void
}

export type StartResult = { ok: true, session: RecordSession } | Extract<Recording, { ok: false }>

const TYPE_INSTEAD = '也可以直接输入文字。'
export const RECORDER_MESSAGES = {
  DENIED_WEAPP: `需要麦克风权限才能说话翻译。请点“去设置”打开“麦克风”，${TYPE_INSTEAD}`,
  DENIED_H5: `浏览器没有允许使用麦克风。请点地址栏左侧的图标，允许麦克风后再试，${TYPE_INSTEAD}`,
  NO_MIC: `没有找到可用的麦克风。${TYPE_INSTEAD}`,
  TOO_SHORT: '说话时间太短了，请按住按钮说完一句话再松开。',
  FAILED: `录音失败，请再试一次。${TYPE_INSTEAD}`
} as const

const MAX_MS = ASR_MAX_SECONDS * 1000
const isWeapp = (): boolean => process.env.TARO_ENV === 'weapp'

/** Whether a refused permission can be changed from inside the app (WeChat's settings page). */
export const canOpenMicSettings = (): boolean => isWeapp()

/** Opens WeChat's settings page; true when the microphone is allowed afterwards. */
export async function openMicSettings (): Promise<boolean> {
  if (!isWeapp()) return false
  try {
    const r = await Taro.openSetting({})
    return r.authSetting['scope.record'] === true
  } catch {
    return false
  }
}

// ---------- WeChat ----------

async function weappPermission (): Promise<boolean> {
  try {
    const s = await Taro.getSetting({})
    if (s.authSetting['scope.record'] === true) return true
    if (s.authSetting['scope.record'] === false) return false // refused before: only the settings page helps
    await Taro.authorize({ scope: 'scope.record' })
    return true
  } catch {
    return false
  }
}

function readBase64 (path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    Taro.getFileSystemManager().readFile({ filePath: path, encoding: 'base64', success: r => resolve(r.data as string), fail: reject })
  })
}

async function weappStart (opts: RecordOptions): Promise<StartResult> {
  if (!await weappPermission()) return { ok: false, code: 'DENIED', message: RECORDER_MESSAGES.DENIED_WEAPP }
  const rm = Taro.getRecorderManager()
  const t0 = Date.now()
  let settle: ((r: Recording) => void) | null = null
  let userStopped = false
  let cancelled = false
  const finished = new Promise<Recording>(resolve => { settle = resolve })
  rm.onFrameRecorded(f => opts.onLevel?.(mp3Level(new Uint8Array(f.frameBuffer)), Date.now() - t0))
  rm.onError(() => settle?.({ ok: false, code: 'FAILED', message: RECORDER_MESSAGES.FAILED }))
  rm.onStop(async res => {
    if (cancelled) return
    let r: Recording
    if (res.duration < ASR_MIN_MS) r = { ok: false, code: 'TOO_SHORT', message: RECORDER_MESSAGES.TOO_SHORT }
    else {
      try { r = { ok: true, audio: await readBase64(res.tempFilePath), format: 'mp3', durationMs: res.duration } } catch { r = { ok: false, code: 'FAILED', message: RECORDER_MESSAGES.FAILED } }
    }
    settle?.(r)
    if (!userStopped) opts.onAutoStop?.(r)
  })
  // frameSize (KB) makes onFrameRecorded fire during recording, for the level meter.
  rm.start({ duration: MAX_MS, sampleRate: ASR_SAMPLE_RATE, numberOfChannels: 1, encodeBitRate: 48000, format: 'mp3', frameSize: 1 })
  return {
    ok: true,
    session: {
      stop: () => { userStopped = true; rm.stop(); return finished },
      cancel: () => { cancelled = true; rm.stop() }
    }
  }
}

// ---------- H5 ----------

interface Capture { stop: () => void, rate: number }

/** Opens the microphone and calls onBlock with each block of mono samples. */
async function h5Capture (onBlock: (block: Float32Array) => void): Promise<Capture | Extract<Recording, { ok: false }>> {
  const md = typeof navigator !== 'undefined' ? navigator.mediaDevices : undefined
  if (!md?.getUserMedia) return { ok: false, code: 'NO_MIC', message: RECORDER_MESSAGES.NO_MIC }
  let stream: MediaStream
  try {
    stream = await md.getUserMedia({ audio: { channelCount: 1, echoCancellation: true, noiseSuppression: true } })
  } catch (e) {
    const name = (e as { name?: string })?.name
    if (name === 'NotAllowedError' || name === 'SecurityError') return { ok: false, code: 'DENIED', message: RECORDER_MESSAGES.DENIED_H5 }
    return { ok: false, code: 'NO_MIC', message: RECORDER_MESSAGES.NO_MIC }
  }
  const Ctx = window.AudioContext ?? (window as unknown as { webkitAudioContext: typeof AudioContext }).webkitAudioContext
  const ctx = new Ctx()
  const source = ctx.createMediaStreamSource(stream)
  // ScriptProcessor, not an AudioWorklet: no extra module file to serve and load, and a 4096-sample
  // block (~85 ms) is what the meter and the detector need. Deprecated but in every browser.
  const proc = ctx.createScriptProcessor(4096, 1, 1)
  proc.onaudioprocess = ev => onBlock(ev.inputBuffer.getChannelData(0).slice())
  source.connect(proc)
  proc.connect(ctx.destination) // Chromium only runs a processor that is connected
  return {
    rate: ctx.sampleRate,
    stop: () => {
      proc.onaudioprocess = null
      try { source.disconnect(); proc.disconnect() } catch { /* already disconnected */ }
      for (const t of stream.getTracks()) t.stop()
      ctx.close().catch(() => undefined)
    }
  }
}

/** Blocks of samples at `rate` → base64 16 kHz mono WAV. */
function toWav (blocks: Float32Array[], rate: number): Recording {
  const n = blocks.reduce((s, b) => s + b.length, 0)
  const all = new Float32Array(n)
  let at = 0
  for (const b of blocks) { all.set(b, at); at += b.length }
  const durationMs = Math.round(1000 * n / rate)
  if (durationMs < ASR_MIN_MS) return { ok: false, code: 'TOO_SHORT', message: RECORDER_MESSAGES.TOO_SHORT }
  return { ok: true, audio: toBase64(encodeWav(resample(all, rate, ASR_SAMPLE_RATE), ASR_SAMPLE_RATE)), format: 'wav', durationMs }
}

async function h5Start (opts: RecordOptions): Promise<StartResult> {
  const blocks: Float32Array[] = []
  let samples = 0
  let done = false
  let capture: Capture | null = null
  let autoStopped: Recording | null = null
  const c = await h5Capture(block => {
    if (done || !capture) return
    blocks.push(block)
    samples += block.length
    const elapsed = 1000 * samples / capture.rate
    opts.onLevel?.(levelOf(block), elapsed)
    if (elapsed >= MAX_MS) {
      done = true
      capture.stop()
      autoStopped = toWav(blocks, capture.rate)
      opts.onAutoStop?.(autoStopped)
    }
  })
  if ('ok' in c) return c
  capture = c
  return {
    ok: true,
    session: {
      stop: async () => {
        if (autoStopped) return autoStopped
        done = true
        c.stop()
        return toWav(blocks, c.rate)
      },
      cancel: () => { done = true; c.stop() }
    }
  }
}

/** Starts recording one utterance (hold-to-talk). */
export function startRecording (opts: RecordOptions = {}): Promise<StartResult> {
  return isWeapp() ? weappStart(opts) : h5Start(opts)
}

export interface ListenOptions {
  onLevel?: (level: number) => void
  /** Speech began (the page shows "正在听…"). */
  onSpeech?: () => void
  /** One utterance, ready to recognise. */
  onUtterance: (r: Recording) => void
}

/**
 * 同步 mode: the microphone stays open; each utterance the detector finds is handed over as one
 * recording. Returns a stop function, or the reason it could not start.
 */
export async function listen (opts: ListenOptions): Promise<{ ok: true, stop: () => void } | Extract<Recording, { ok: false }>> {
  const detector = createUtteranceDetector()
  if (isWeapp()) {
    // WeChat: one recorder session per utterance; the detector reads the MP3 frames' level and
    // stops the session when the speaker pauses, then a new one starts.
    let stopped = false
    let session: RecordSession | null = null
    const next = async (): Promise<Extract<Recording, { ok: false }> | null> => {
      detector.reset()
      let heard = false
      const r = await weappStart({
        onLevel: (level, t) => {
          opts.onLevel?.(level)
          const e = detector.push(level, t)
          if (e === 'start') { heard = true; opts.onSpeech?.() }
          if (e === 'end' && session) {
            const s = session
            session = null
            s.stop().then(rec => { if (heard) opts.onUtterance(rec); if (!stopped) void next() }, () => undefined)
          }
        }
      })
      if (!r.ok) return r
      session = r.session
      return null
    }
    const err = await next()
    if (err) return err
    return { ok: true, stop: () => { stopped = true; session?.cancel(); session = null } }
  }
  // H5: one capture; blocks from shortly before speech began to its end make one WAV.
  const PRE_ROLL_BLOCKS = 3
  let ring: Float32Array[] = []
  let current: Float32Array[] | null = null
  let rate = 48000
  let t = 0
  const c = await h5Capture(block => {
    const level = levelOf(block)
    t += 1000 * block.length / rate
    opts.onLevel?.(level)
    const e = detector.push(level, t)
    if (current) current.push(block)
    else { ring.push(block); if (ring.length > PRE_ROLL_BLOCKS) ring = ring.slice(-PRE_ROLL_BLOCKS) }
    if (e === 'start') { current = [...ring]; ring = []; opts.onSpeech?.() }
    if (e === 'end' && current) { const blocks = current; current = null; opts.onUtterance(toWav(blocks, rate)) }
  })
  if ('ok' in c) return c
  rate = c.rate
  return { ok: true, stop: () => c.stop() }
}
