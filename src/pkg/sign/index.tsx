import { useEffect, useMemo, useRef, useState } from 'react'
import Taro, { useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import { Button, Text, Textarea, View } from '@tarojs/components'
import { provenanceText, SIGN_TYPE_ZH } from '../../core/sign'
import { categoryName, getHeader } from '../../services/dictionary'
import { entriesOfWord, getEntry, resolveForPlayer, stepsOf } from '../../services/signs'
import { sendFeedback } from '../../services/feedback'
import SignPlayer from '../../components/SignPlayer'
import StatusBadge from '../../components/StatusBadge'
import FavoriteButton from '../../components/FavoriteButton'
import { recordView } from '../../services/learning'
import { copyShareLink, enableShareMenu, signShare } from '../../services/share'
import { shareCardImage } from '../../services/share-card'
import './index.css'

const CN_NUM = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十']
const CIRCLED = '①②③④⑤⑥⑦⑧⑨'
const FEEDBACK_MAX = 500

export default function SignPage () {
  const router = useRouter()
  const id = decodeURIComponent(router.params?.id ?? '')
  const entry = useMemo(() => getEntry(id), [id])
  const resolved = useMemo(() => (entry ? resolveForPlayer(entry.id) : null), [entry])
  // Re-rendered on every step the avatar signs: derive these once per entry.
  const variants = useMemo(() => (entry ? entriesOfWord(entry.word) : []), [entry])
  const items = useMemo(() => (resolved && resolved.ok ? resolved.items.map(r => ({ sign: r.sign, label: r.label, steps: r.steps })) : []), [resolved])
  // Generated from the notation, so the words always say what the avatar does.
  const steps = useMemo(() => (entry ? stepsOf(entry.id) : []), [entry])
  const [step, setStep] = useState(-1)
  const [reporting, setReporting] = useState(false)
  const [report, setReport] = useState('')
  const [reportMsg, setReportMsg] = useState<{ kind: 'ok' | 'error' | 'info', text: string } | null>(null)
  const [shareMsg, setShareMsg] = useState<{ ok: boolean, text: string } | null>(null)
  // The chat card's picture: drawn once the page is up, so it is ready when the user shares.
  const card = useRef<{ id: string, image: Promise<string | null>, path: string | null } | null>(null)

  useEffect(() => {
    if (entry) {
      Taro.setNavigationBarTitle({ title: entry.word })
      recordView(entry.id)
      enableShareMenu()
      const c = { id: entry.id, image: shareCardImage(entry.id, items, entry.word), path: null as string | null }
      c.image.then(p => { c.path = p })
      card.current = c
    }
  }, [entry, items])

  const share = entry ? signShare(entry.id, entry.word) : null
  useShareAppMessage(() => {
    if (!share) return { title: '手语词典', path: '/pages/search/index' }
    const c = card.current
    const msg = { title: share.title, path: share.path }
    if (c?.path) return { ...msg, imageUrl: c.path }
    // Not drawn yet: WeChat waits (up to 3 s) for the promise, else uses the fields above.
    return { ...msg, promise: (c?.image ?? Promise.resolve(null)).then(p => (p ? { ...msg, imageUrl: p } : msg)) } as any
  })
  useShareTimeline(() => (share
    ? { title: share.title, query: share.query, ...(card.current?.path ? { imageUrl: card.current.path } : {}) }
    : { title: '手语词典' }))

  if (!entry) {
    return (
      <View className='page page-sign'>
        <View className='notice notice-error'>找不到这个手语（{id || '未指定'}）。它可能已被删除或改名，请返回重新搜索。</View>
        <Button className='btn' onClick={() => Taro.switchTab({ url: '/pages/search/index' })}>返回词典</Button>
      </View>
    )
  }


  const submitReport = async () => {
    const text = report.trim()
    if (!text) { setReportMsg({ kind: 'error', text: '请先写下哪里不对，比如手形、位置或动作。' }); return }
    if (text.length > FEEDBACK_MAX) { setReportMsg({ kind: 'error', text: `最多 ${FEEDBACK_MAX} 个字，现在是 ${text.length} 个字。` }); return }
    const r = await sendFeedback(entry.id, text)
    if (r.ok) { setReport(''); setReporting(false) }
    setReportMsg({ kind: r.ok ? (r.queued ? 'info' : 'ok') : 'error', text: r.message })
  }

  return (
    <View className='page page-sign'>
      <View className='sign-head'>
        <View>
          <Text className='sign-word'>{entry.word}</Text>
          {entry.variant ? <Text className='sign-variant'>{CIRCLED[entry.variant - 1] ?? entry.variant}</Text> : null}
        </View>
        <View className='sign-actions'>
          {process.env.TARO_ENV === 'weapp'
            ? <Button className='btn btn-small share-btn' openType='share' aria-label={`分享「${entry.word}」的手语`}>分享</Button>
            : <Button className='btn btn-small share-btn' aria-label={`分享「${entry.word}」的手语`}
                onClick={async () => { if (share) { const r = await copyShareLink(share); setShareMsg({ ok: r.ok, text: r.message }) } }}>分享</Button>}
          <FavoriteButton id={entry.id} />
        </View>
      </View>
      {shareMsg && <View className={`notice notice-${shareMsg.ok ? 'info' : 'warn'} share-msg`} role='status'>{shareMsg.text}</View>}
      <View className='sign-meta'>
        <Text className='sign-pinyin'>{entry.pinyin}</Text>
        <Text className='muted'> · {categoryName(entry.category)} · {SIGN_TYPE_ZH[entry.type]} · {entry.pos}</Text>
      </View>
      <StatusBadge status={entry.status} project={entry.project} reviewer={entry.reviewer} reviewedAt={entry.reviewedAt} long />

      {resolved && !resolved.ok && <View className='notice notice-error'>这个手语的转写有误，暂时无法播放：{resolved.message}</View>}
      {items.length > 0 && <SignPlayer id='sign-detail-player' items={items} autoPlay loop={false} onStep={setStep} />}

      <Text className='section-title'>打法说明</Text>
      <View className='steps'>
        {steps.map((s, i) => (
          <View key={i} className={`step${i === step ? ' step-active' : ''}`} aria-current={i === step ? 'step' : undefined}>
            <Text className='step-num'>（{CN_NUM[i] ?? i + 1}）</Text><Text>{s}</Text>
          </View>
        ))}
      </View>
      {entry.note && <View className='muted sign-note'>{entry.note}</View>}
      {entry.needs && entry.needs.length > 0 && (
        <View className='notice notice-warn sign-needs'>
          {entry.needs.includes('transcription')
            ? '这个手势还没有按《国家通用手语词典》转写，动作可能与标准不同，请以标准为准。'
            : '这个手势有些细节目前的记法还写不出来，动画只能近似。'}
        </View>
      )}

      {entry.variantNote && <View className='notice notice-info'>此为第 {entry.variant} 种打法：{entry.variantNote}</View>}
      {variants.length > 1 && (
        <View>
          <Text className='section-title'>其他打法</Text>
          {variants.filter(v => v.id !== entry.id).map(v => (
            <View key={v.id} className='chip variant-item' onClick={() => Taro.redirectTo({ url: `/pkg/sign/index?id=${v.id}` })}>
              {v.word}{CIRCLED[(v.variant ?? 1) - 1]}{v.variantNote ? `：${v.variantNote}` : ''}
            </View>
          ))}
        </View>
      )}

      {entry.shares.length > 0 && (
        <View className='shares'>
          <Text className='section-title'>同一手语的词</Text>
          <View>{entry.shares.map(w => <View key={w} className='chip chip-static'>{w}</View>)}</View>
        </View>
      )}

      {entry.related.length > 0 && (
        <View className='related'>
          <Text className='section-title'>相关词</Text>
          <View>
            {entry.related.map(rid => {
              const h = getHeader(rid)
              return h ? <View key={rid} className='chip related-item' role='link' onClick={() => Taro.navigateTo({ url: `/pkg/sign/index?id=${rid}` })}>{h.word}</View> : null
            })}
          </View>
        </View>
      )}

      {entry.example && (
        <View>
          <Text className='section-title'>例句</Text>
          <View className='card example'>{entry.example}</View>
        </View>
      )}

      <Text className='section-title'>来源</Text>
      <View className='muted provenance'>{provenanceText(entry)}</View>

      <View className='report'>
        {!reporting && <Button className='btn report-open' aria-label='纠错：报告这个手语的问题' onClick={() => { setReporting(true); setReportMsg(null) }}>纠错</Button>}
        {reporting && (
          <View className='card report-form'>
            <Text className='section-title'>这个手语哪里不对？</Text>
            <Textarea className='report-text' value={report} maxlength={FEEDBACK_MAX} placeholder='例如：手形应该是……；动作方向应该向前……' aria-label='纠错内容'
              onInput={e => setReport(e.detail.value)} />
            <View className='muted'>{report.length}/{FEEDBACK_MAX}</View>
            <View className='btn-row'>
              <Button className='btn btn-primary report-send' onClick={submitReport}>提交</Button>
              <Button className='btn report-cancel' onClick={() => setReporting(false)}>取消</Button>
            </View>
          </View>
        )}
        {reportMsg && <View className={`notice notice-${reportMsg.kind === 'error' ? 'error' : 'info'} report-msg`}>{reportMsg.text}</View>}
      </View>
    </View>
  )
}
