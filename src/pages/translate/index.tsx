import { useEffect, useMemo, useState } from 'react'
import Taro, { useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import { Button, Text, Textarea, View } from '@tarojs/components'
import { MAX_TEXT_CHARS, type TranslateMode } from '../../core/translate'
import { playerItems, translateSentence, type Translation } from '../../services/translate'
import { loadList, pushRecent, saveList } from '../../services/local-list'
import { requireConsent } from '../../services/privacy'
import { copyShareLink, enableShareMenu, sentenceShare } from '../../services/share'
import SignPlayer from '../../components/SignPlayer'
import PrivacyPopup from '../../components/PrivacyPopup'
import './index.css'

const RECENT_KEY = 'shouyu.recentTranslations'
const RECENT_VERSION = 1
const RECENT_MAX = 10
const FINGERSPELL_HOLD_S = 0.5

const isRecent = (x: unknown): x is string => typeof x === 'string' && x.length > 0 && x.length <= MAX_TEXT_CHARS

/** The sentence a shared link opens with (?q=…), read once per page. */
function sharedSentence (): string {
  const q = Taro.getCurrentInstance()?.router?.params?.q
  if (typeof q !== 'string' || q === '') return ''
  try { return decodeURIComponent(q).slice(0, MAX_TEXT_CHARS * 2) } catch { return '' }
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

  const count = Array.from(text).length
  const tooLong = count > MAX_TEXT_CHARS
  // eslint-disable-next-line react-hooks/exhaustive-deps -- runId: the same result played again gets new items, so the player starts over
  const play = useMemo(() => (result ? playerItems(result) : null), [result, runId])

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

  return (
    <View className='page page-translate'>
      <Text className='page-title'>句子翻译</Text>
      <View className='muted'>输入一句话，按手语的语序打出来。</View>
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

      {result && play && (
        <View className='translate-result'>
          <View className='engine-note'>
            {result.aiGenerated
              ? <Text className='badge badge-ai' aria-label='内容由人工智能生成'>AI生成</Text>
              : <Text className='badge badge-offline'>离线规则</Text>}
            <Text className='muted'> {result.reason}{result.cached ? '（来自缓存）' : ''}</Text>
          </View>
          <View className='gloss-row' aria-label='手语顺序'>
            {result.glosses.map((g, i) => (
              <View key={i} className={`chip gloss-chip${g.fingerspell ? ' gloss-fingerspell' : ''}${play.glossOf[active] === i ? ' gloss-active' : ''}`}
                role={g.id ? 'link' : undefined} aria-label={g.fingerspell ? `${g.text}（指拼 ${g.fingerspell}）` : g.text}
                onClick={() => { if (g.id) Taro.navigateTo({ url: `/pkg/sign/index?id=${encodeURIComponent(g.id)}` }) }}>
                {g.text}{g.fingerspell ? <Text className='gloss-tag'>指拼</Text> : null}{g.question ? '？' : ''}
              </View>
            ))}
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
