import { useEffect, useMemo, useRef, useState } from 'react'
import Taro, { useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import { Button, ScrollView, Text, Textarea, View } from '@tarojs/components'
import { ASR_MAX_SECONDS, MAX_TEXT_CHARS, type TranslateMode } from '../../core/translate'
import { playerItems, translateSentence, type ClientGloss, type Translation } from '../../services/translate'
import { canOpenMicSettings, listen, openMicSettings, startRecording, type Recording, type RecordSession } from '../../services/recorder'
import { recognise } from '../../services/speech'
import { loadList, pushRecent, saveList } from '../../services/local-list'
import { consentFor, requireConsent } from '../../services/privacy'
import { copyShareLink, enableShareMenu, sentenceShare } from '../../services/share'
import SignPlayer from '../../components/SignPlayer'
import PrivacyPopup from '../../components/PrivacyPopup'
import './index.css'

const RECENT_KEY = 'shouyu.recentTranslations'
const RECENT_VERSION = 1
const RECENT_MAX = 10
const FINGERSPELL_HOLD_S = 0.5
/** Captions kept on screen in 同步 mode (older ones scroll away and are dropped). */
const MAX_CAPTIONS = 30
/** ms: mouse events within this time after a touch are the browser's emulation of that touch. */
const TOUCH_MOUSE_GAP_MS = 800

const isRecent = (x: unknown): x is string => typeof x === 'string' && x.length > 0 && x.length <= MAX_TEXT_CHARS

/** The sentence a shared link opens with (?q=…), read once per page. */
function sharedSentence (): string {
  const q = Taro.getCurrentInstance()?.router?.params?.q
  if (typeof q !== 'string' || q === '') return ''
  try { return decodeURIComponent(q).slice(0, MAX_TEXT_CHARS * 2) } catch { return '' }
}

/** Shown when the user declines recording: typing still works. */
const NO_RECORD_CONSENT = '没有同意使用麦克风，无法语音输入。可以直接输入文字；想用语音时再按一次“按住说话”。'

type Talk = 'idle' | 'starting' | 'recording' | 'recognising'
interface Caption {
  id: number
  status: 'recognising' | 'translating' | 'ready' | 'error'
  text?: string
  result?: Translation
  message?: string
}

function Chips ({ glosses, active, small }: { glosses: ClientGloss[], active: number, small?: boolean }) {
  return (
    <>
      {glosses.map((g, i) => (
        <View key={i} className={`chip gloss-chip${small ? ' caption-chip' : ''}${g.fingerspell ? ' gloss-fingerspell' : ''}${active === i ? ' gloss-active' : ''}`}
          role={g.id ? 'link' : undefined} aria-label={g.fingerspell ? `${g.text}（指拼 ${g.fingerspell}）` : g.text}
          onClick={() => { if (g.id) Taro.navigateTo({ url: `/pkg/sign/index?id=${encodeURIComponent(g.id)}` }) }}>
          {g.text}{g.fingerspell ? <Text className='gloss-tag'>指拼</Text> : null}{g.question ? '？' : ''}
        </View>
      ))}
    </>
  )
}

export default function TranslatePage () {
  const [opened] = useState(sharedSentence)
  const [text, setText] = useState(opened)
  const [mode, setMode] = useState<TranslateMode>('standard')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const [result, setResult] = useState<Translation | null>(null)
  const [active, setActive] = useState(-1)
  const [runId, setRunId] = useState(0)
  const [recent, setRecent] = useState<string[]>(() => loadList(RECENT_KEY, RECENT_VERSION, RECENT_MAX, isRecent).items)
  const [shareMsg, setShareMsg] = useState<{ ok: boolean, text: string } | null>(null)
  // The sentence of the result on screen: what a share sends.
  const [shown, setShown] = useState('')
  // Speech in (hold-to-talk) and 同步 (listen) mode.
  const [talk, setTalk] = useState<Talk>('idle')
  const [level, setLevel] = useState(0)
  const [elapsed, setElapsed] = useState(0)
  const [speechError, setSpeechError] = useState<{ message: string, settings: boolean } | null>(null)
  const [speechHint, setSpeechHint] = useState('')
  const [listening, setListening] = useState(false)
  const [hearing, setHearing] = useState(false)
  const [captions, setCaptions] = useState<Caption[]>([])
  const [playingId, setPlayingId] = useState<number | null>(null)
  const [captionActive, setCaptionActive] = useState(-1)
  const session = useRef<RecordSession | null>(null)
  const releasedEarly = useRef(false)
  const lastTouch = useRef(0)
  const stopListening = useRef<(() => void) | null>(null)
  const chain = useRef<Promise<void>>(Promise.resolve())
  const nextCaption = useRef(1)
  const played = useRef(new Set<number>())
  const useModelForListening = useRef(false)

  const count = Array.from(text).length
  const tooLong = count > MAX_TEXT_CHARS
  // eslint-disable-next-line react-hooks/exhaustive-deps -- runId: the same result played again gets new items, so the player starts over
  const play = useMemo(() => (result ? playerItems(result) : null), [result, runId])
  const playingCaption = captions.find(c => c.id === playingId)
  const captionPlay = useMemo(() => (playingCaption?.result ? playerItems(playingCaption.result) : null), [playingCaption?.result])

  useEffect(() => () => { stopListening.current?.(); session.current?.cancel() }, [])

  // 同步: the avatar signs the queue continuously — when nothing plays, the oldest ready caption not yet played starts.
  useEffect(() => {
    if (playingId !== null) return
    const next = captions.find(c => c.status === 'ready' && !played.current.has(c.id))
    if (next) { setCaptionActive(-1); setPlayingId(next.id) }
  }, [captions, playingId])

  const run = async (sentence = text, m = mode) => {
    const s = sentence.trim()
    if (!s) { setError('请先输入一句话。'); return }
    if (Array.from(s).length > MAX_TEXT_CHARS) { setError(`句子太长了：最多 ${MAX_TEXT_CHARS} 个字。请分成几句再翻译。`); return }
    setBusy(true)
    setError('')
    setShareMsg(null)
    // The sentence goes to the model only with the user's consent; without it, the offline rules.
    const useModel = await requireConsent('model')
    const r = await translateSentence(s, m, useModel)
    setBusy(false)
    if (!r.ok) { setError(r.message); setResult(null); return }
    setResult(r.result)
    setShown(s)
    setActive(-1)
    setRunId(x => x + 1)
    const next = pushRecent(recent, s, RECENT_MAX, (a, b) => a === b)
    setRecent(next)
    saveList(RECENT_KEY, RECENT_VERSION, next)
  }

  // Opened from a shared translation: translate its sentence at once.
  useEffect(() => {
    enableShareMenu()
    if (opened) run(opened)
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, for the sentence the page was opened with
  }, [])

  const share = shown ? sentenceShare(shown) : null
  useShareAppMessage(() => (share ? { title: share.title, path: share.path } : { title: '手语词典：把一句话翻译成手语', path: '/pages/translate/index' }))
  useShareTimeline(() => (share ? { title: share.title, query: share.query } : { title: '手语词典：把一句话翻译成手语' }))
  /** A finished hold-to-talk recording → text in the box → translated concisely (speech is fast) → signed. */
  const handleRecording = async (rec: Recording) => {
    if (!rec.ok) { setTalk('idle'); setSpeechError({ message: rec.message, settings: false }); return }
    setTalk('recognising')
    const r = await recognise(rec.audio, rec.format)
    setTalk('idle')
    if (!r.ok) { setSpeechError({ message: r.message, settings: false }); return }
    setText(r.text)
    setMode('concise')
    await run(r.text, 'concise')
  }

  const press = async (touch: boolean) => {
    if (touch) lastTouch.current = Date.now()
    else if (Date.now() - lastTouch.current < TOUCH_MOUSE_GAP_MS) return
    if (talk !== 'idle' || listening) return
    setSpeechError(null)
    setTalk('starting')
    setLevel(0)
    setElapsed(0)
    releasedEarly.current = false
    // Speech goes to the recogniser (a model) only with the user's consent, asked once. The press
    // that asked is spent on the question (the finger is on the popup now, not on the button), so
    // recording starts with the next press rather than running on unheld.
    const askedNow = consentFor('record') !== true
    if (!await requireConsent('record')) { setTalk('idle'); setSpeechError({ message: NO_RECORD_CONSENT, settings: false }); return }
    if (askedNow) { setTalk('idle'); setSpeechHint('已允许使用麦克风。现在按住“按住说话”开始说。'); return }
    setSpeechHint('')
    const r = await startRecording({
      onLevel: (l, t) => { setLevel(l); setElapsed(t) },
      onAutoStop: rec => { session.current = null; void handleRecording(rec) }
    })
    if (!r.ok) {
      setTalk('idle')
      setSpeechError({ message: r.message, settings: r.code === 'DENIED' && canOpenMicSettings() })
      return
    }
    session.current = r.session
    setTalk('recording')
    if (releasedEarly.current) void release(touch) // let go while the permission prompt was up
  }

  const release = async (touch: boolean) => {
    if (!touch && Date.now() - lastTouch.current < TOUCH_MOUSE_GAP_MS) return
    const s = session.current
    if (!s) { releasedEarly.current = true; return }
    session.current = null
    await handleRecording(await s.stop())
  }

  const update = (id: number, patch: Partial<Caption>) => setCaptions(cs => cs.map(c => (c.id === id ? { ...c, ...patch } : c)))

  /** One utterance of 同步 mode: recognised, distilled (精简) and queued, in the order spoken. */
  const enqueue = (rec: Recording) => {
    const id = nextCaption.current++
    setCaptions(cs => [...cs.slice(-(MAX_CAPTIONS - 1)), { id, status: 'recognising' }])
    chain.current = chain.current.then(async () => {
      if (!rec.ok) { update(id, { status: 'error', message: rec.message }); return }
      const a = await recognise(rec.audio, rec.format)
      if (!a.ok) { update(id, { status: 'error', message: a.message }); return }
      update(id, { status: 'translating', text: a.text })
      const t = await translateSentence(a.text, 'concise', useModelForListening.current)
      if (!t.ok) { update(id, { status: 'error', text: a.text, message: t.message }); return }
      update(id, { status: 'ready', text: a.text, result: t.result })
    })
  }

  const toggleListening = async () => {
    if (listening) {
      stopListening.current?.()
      stopListening.current = null
      setListening(false)
      setHearing(false)
      return
    }
    if (talk !== 'idle') return
    setSpeechError(null)
    if (!await requireConsent('record')) { setSpeechError({ message: NO_RECORD_CONSENT, settings: false }); return }
    // What is heard is translated like typed text: by the model only with consent, else offline.
    useModelForListening.current = await requireConsent('model')
    const r = await listen({ onLevel: setLevel, onSpeech: () => setHearing(true), onUtterance: rec => { setHearing(false); enqueue(rec) } })
    if (!r.ok) { setSpeechError({ message: r.message, settings: r.code === 'DENIED' && canOpenMicSettings() }); return }
    stopListening.current = r.stop
    setListening(true)
  }

  const finishCaption = () => {
    if (playingId !== null) played.current.add(playingId)
    setPlayingId(null)
  }

  // Hold with a mouse too (H5 on a computer). Taro's View typings list only touch events; its H5
  // renderer passes these to the DOM element, and WeChat has no mouse, so they are simply unused there.
  const mouseHold = {
    onMouseDown: () => { void press(false) },
    onMouseUp: () => { void release(false) },
    onMouseLeave: () => { if (session.current) void release(false) }
  } as Record<string, unknown>

  const seconds = Math.min(ASR_MAX_SECONDS, Math.floor(elapsed / 1000))
  const lastCaption = captions[captions.length - 1]

  return (
    <View className='page page-translate'>
      <Text className='page-title'>句子翻译</Text>
      <View className='muted'>输入或说一句话，按手语的语序打出来。</View>
      <View className={`card translate-input${tooLong ? ' translate-input-error' : ''}`}>
        <Textarea className='translate-text' value={text} maxlength={-1} autoHeight placeholder='例如：我明天去医院看病' aria-label='要翻译的句子'
          onInput={e => { setText(e.detail.value); setError('') }} />
        <View className={`translate-count${tooLong ? ' translate-count-over' : ''}`}>{count}/{MAX_TEXT_CHARS}</View>
      </View>
      <View className='translate-bar'>
        <View className='mode-switch' role='radiogroup' aria-label='翻译方式'>
          <View className={`chip mode-standard${mode === 'standard' ? ' chip-active' : ''}`} role='radio' aria-checked={mode === 'standard'} onClick={() => setMode('standard')}>标准</View>
          <View className={`chip mode-concise${mode === 'concise' ? ' chip-active' : ''}`} role='radio' aria-checked={mode === 'concise'} onClick={() => setMode('concise')}>精简</View>
        </View>
        <Button className='btn btn-primary translate-go' disabled={busy || tooLong} aria-disabled={busy || tooLong} onClick={() => run()}>{busy ? '翻译中…' : '翻译'}</Button>
      </View>
      {tooLong && <View className='notice notice-error translate-error'>句子太长了：最多 {MAX_TEXT_CHARS} 个字，现在是 {count} 个字。请分成几句再翻译。</View>}
      {!tooLong && error && <View className='notice notice-error translate-error' role='alert'>{error}</View>}

      <View className='speech-bar'>
        <View className={`btn talk-btn${talk === 'recording' || talk === 'starting' ? ' talk-btn-on' : ''}${listening ? ' talk-btn-disabled' : ''}`}
          role='button' aria-label='按住说话，松开后识别并翻译' aria-disabled={listening || talk === 'recognising'}
          onTouchStart={() => { void press(true) }} onTouchEnd={() => { void release(true) }} onTouchCancel={() => { void release(true) }}
          {...mouseHold}>
          {talk === 'recording' || talk === 'starting' ? '松开 识别' : talk === 'recognising' ? '识别中…' : '按住 说话'}
        </View>
        <View className={`chip listen-toggle${listening ? ' chip-active' : ''}`} role='switch' aria-checked={listening} onClick={() => { void toggleListening() }}>
          {listening ? '停止同步' : '同步'}
        </View>
      </View>
      {(talk === 'recording' || listening) && (
        <View className='talk-meter-row' aria-live='polite'>
          <View className='talk-meter' aria-label='音量'><View className='talk-meter-fill' style={{ width: `${Math.round(level * 100)}%` }} /></View>
          <Text className='talk-time'>{listening ? (hearing ? '正在听…' : '等你说话') : `${seconds} / ${ASR_MAX_SECONDS} 秒`}</Text>
        </View>
      )}
      {speechHint && !speechError && <View className='notice notice-info speech-hint' role='status'>{speechHint}</View>}
      {speechError && (
        <View className='notice notice-error speech-error' role='alert'>
          {speechError.message}
          {speechError.settings && <Button className='btn btn-small open-settings' onClick={() => { void openMicSettings().then(okNow => { if (okNow) setSpeechError(null) }) }}>去设置</Button>}
        </View>
      )}

      {(listening || captions.length > 0) && (
        <View className='listen-panel'>
          <Text className='section-title'>同步翻译</Text>
          <ScrollView className='captions' scrollY scrollIntoView={lastCaption ? `caption-${lastCaption.id}` : undefined} scrollWithAnimation>
            {captions.map(c => (
              <View key={c.id} id={`caption-${c.id}`} className={`caption${c.id === playingId ? ' caption-playing' : ''}`}>
                {c.text && <View className='caption-text muted'>{c.text}</View>}
                {c.status === 'recognising' && <View className='muted'>识别中…</View>}
                {c.status === 'translating' && <View className='muted'>翻译中…</View>}
                {c.status === 'error' && <View className='caption-error'>{c.message}</View>}
                {c.result && <View className='gloss-row'><Chips glosses={c.result.glosses} active={c.id === playingId && captionPlay ? captionPlay.glossOf[captionActive] : -1} small /></View>}
              </View>
            ))}
          </ScrollView>
          {captionPlay && captionPlay.items.length > 0 && (
            <SignPlayer key={`caption-${playingId}`} id='listen-player' items={captionPlay.items} autoPlay compact letterHold={FINGERSPELL_HOLD_S}
              onItem={setCaptionActive} onEnd={finishCaption} />
          )}
        </View>
      )}

      {result && play && (
        <View className='translate-result'>
          <View className='engine-note'>
            {result.aiGenerated
              ? <Text className='badge badge-ai' aria-label='内容由人工智能生成'>AI生成</Text>
              : <Text className='badge badge-offline'>离线规则</Text>}
            <Text className='muted'> {result.reason}{result.cached ? '（来自缓存）' : ''}</Text>
          </View>
          <View className='gloss-row' aria-label='手语顺序'>
            <Chips glosses={result.glosses} active={play.glossOf[active] ?? -1} />
          </View>
          {result.dropped.length > 0 && <View className='muted dropped'>不单独打出的词：{result.dropped.join('、')}</View>}
          {play.problems.length > 0 && <View className='notice notice-warn'>有 {play.problems.length} 个手语暂时无法播放：{play.problems.join('、')}</View>}
          {play.items.length > 0 && (
            <SignPlayer key={runId} id='translate-player' items={play.items} autoPlay letterHold={FINGERSPELL_HOLD_S} onItem={setActive} />
          )}
          <View className='btn-row translate-result-actions'>
            <Button className='btn btn-small translate-replay' onClick={() => setRunId(x => x + 1)}>重新播放</Button>
            {process.env.TARO_ENV === 'weapp'
              ? <Button className='btn btn-small translate-share' openType='share'>分享这句</Button>
              : <Button className='btn btn-small translate-share' onClick={async () => { if (share) { const r = await copyShareLink(share); setShareMsg({ ok: r.ok, text: r.message }) } }}>分享这句</Button>}
          </View>
          {shareMsg && <View className={`notice notice-${shareMsg.ok ? 'info' : 'warn'} share-msg`} role='status'>{shareMsg.text}</View>}
        </View>
      )}

      {recent.length > 0 && (
        <View className='recent-translations'>
          <Text className='section-title'>最近翻译</Text>
          {recent.map(r => (
            <View key={r} className='card recent-translation' role='button' onClick={() => { setText(r); run(r) }}>{r}</View>
          ))}
        </View>
      )}
      <View className='muted disclaimer'>手语翻译仅供学习和辅助交流参考，重要场合请联系专业手语翻译员。</View>
      <View className='muted privacy-link' role='link' onClick={() => Taro.navigateTo({ url: '/pkg/privacy/index' })}>隐私说明：句子怎样处理、保存多久</View>
      <PrivacyPopup />
    </View>
  )
}
