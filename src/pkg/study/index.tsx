import { useMemo, useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import {
  GRADE_ZH, LearnError, gradeCard, parseCardId, planToday, previewGrades, type CardId, type GradeName, type ProgressState
} from '../../core/learn'
import { headers, getHeader } from '../../services/dictionary'
import { getEntry, resolveForPlayer, stepsOf } from '../../services/signs'
import { lastSaveError, progress, update, useProgress } from '../../services/learning'
import Flashcard from '../../components/Flashcard'
import { formatInterval, formatWhen, nextDue } from '../../components/Flashcard/format'
import './index.css'

const GRADES: GradeName[] = ['again', 'hard', 'good', 'easy']

interface Session {
  /** Fixed at the start: grading a new sign's first card must not drop its second direction. */
  queue: CardId[]
  /** Cards that were never reviewed when the session began (shown with a 新 badge). */
  fresh: Set<CardId>
  /** Due cards whose sign is no longer in the dictionary (left out; see the notice). */
  missing: number
}

function makeSession (state: ProgressState, now: number): Session {
  const plan = planToday(state, state.settings.deck, headers(), now)
  let missing = 0
  const queue = [...plan.reviews, ...plan.newCards].filter(id => {
    const p = parseCardId(id)
    const ok = p !== null && getHeader(p.entryId) !== undefined
    if (!ok) missing++
    return ok
  })
  return { queue, fresh: new Set(plan.newCards), missing }
}

type Counts = Record<GradeName, number>
const ZERO: Counts = { again: 0, hard: 0, good: 0, easy: 0 }

export default function StudyPage () {
  const state = useProgress()
  const [session, setSession] = useState<Session>(() => makeSession(progress(), Date.now()))
  const [pos, setPos] = useState(0)
  const [revealed, setRevealed] = useState(false)
  const [counts, setCounts] = useState<Counts>(ZERO)
  const [error, setError] = useState<string | null>(null)
  // Set when the answer is shown: the intervals are for that moment.
  const [revealedAt, setRevealedAt] = useState(0)

  const id = session.queue[pos] as CardId | undefined
  const parsed = id ? parseCardId(id) : null
  const entryId = parsed?.entryId
  const entry = useMemo(() => (entryId ? getEntry(entryId) : undefined), [entryId])
  const resolved = useMemo(() => (entry ? resolveForPlayer(entry.id) : null), [entry])
  const items = useMemo(() => (resolved && resolved.ok ? resolved.items.map(r => ({ sign: r.sign, label: r.label, steps: r.steps })) : []), [resolved])
  const steps = useMemo(() => (entry ? stepsOf(entry.id) : []), [entry])
  const preview = useMemo(() => (id && revealed ? previewGrades(state, id, revealedAt) : null), [id, revealed, revealedAt, state])

  const reveal = () => {
    setRevealedAt(Date.now())
    setRevealed(true)
  }

  const grade = (g: GradeName) => {
    if (!id) return
    try {
      update((s, now) => gradeCard(s, id, g, now))
    } catch (e) {
      // The card stays on screen: nothing is lost, the learner can press again.
      setError(e instanceof LearnError ? e.message : '评分没能保存，请再按一次。')
      return
    }
    // Graded and kept in memory; if the phone refused to store it, the learner is told.
    setError(lastSaveError() || null)
    setCounts(c => ({ ...c, [g]: c[g] + 1 }))
    setRevealed(false)
    setPos(p => p + 1)
  }

  const restart = () => {
    setSession(makeSession(progress(), Date.now()))
    setPos(0)
    setRevealed(false)
    setCounts(ZERO)
  }

  const back = () => { Taro.navigateBack().catch(() => Taro.switchTab({ url: '/pages/learn/index' })) }

  const total = session.queue.length
  const done = counts.again + counts.hard + counts.good + counts.easy

  // Nothing to do, or the session is over: say what happened and when to come back.
  if (!id || !parsed) {
    const now = Date.now()
    const after = planToday(state, state.settings.deck, headers(), now)
    const dueNow = after.reviews.length + after.newCards.length
    const next = nextDue(state)
    const newSigns = new Set(session.queue.slice(0, pos).filter(c => session.fresh.has(c)).map(c => parseCardId(c)?.entryId)).size
    return (
      <View className='page page-study'>
        {total === 0
          ? <Text className='page-title'>现在没有要学的卡片</Text>
          : <Text className='page-title'>今天的学习完成了</Text>}
        {total > 0 && (
          <View className='card study-summary' aria-label={`共 ${done} 张卡片`}>
            <View className='summary-total'>学了 <Text className='summary-num'>{done}</Text> 张卡片{newSigns > 0 ? `，其中 ${newSigns} 个新手语` : ''}</View>
            <View className='summary-grades'>
              {GRADES.map(g => <View key={g} className={`summary-grade summary-${g}`}>{GRADE_ZH[g]} {counts[g]}</View>)}
            </View>
          </View>
        )}
        {session.missing > 0 && <View className='notice notice-warn study-missing'>有 {session.missing} 张卡片的手语已从词典中移除，已跳过。</View>}
        <View className='notice notice-info study-next' aria-live='polite'>
          {dueNow > 0
            ? `还有 ${dueNow} 张卡片现在可以学（刚才标为“重来”“困难”的卡片会很快再出现）。`
            : total === 0 && after.newLeft === 0
              ? '今天的新手语已经学完，到期的卡片也复习完了。'
              : '到期的卡片都复习完了。'}
          {dueNow === 0 && after.laterToday > 0 ? ` 今天稍后还有 ${after.laterToday} 张要复习。` : ''}
          {dueNow === 0 && next !== null ? ` 下次复习：${formatWhen(next, now)}。` : ''}
          {dueNow === 0 && next === null ? ' 在“学习”页选一组手语，就可以开始了。' : ''}
        </View>
        <View className='btn-row'>
          {dueNow > 0 && <Button className='btn btn-primary study-again' onClick={restart}>继续学习（{dueNow} 张）</Button>}
          <Button className='btn study-quiz' onClick={() => Taro.redirectTo({ url: '/pkg/quiz/index?kind=sign2word' })}>做个测验</Button>
          <Button className='btn study-back' onClick={back}>返回</Button>
        </View>
      </View>
    )
  }

  return (
    <View className='page page-study'>
      <View className='study-head'>
        <Text className='study-counter' aria-label={`第 ${pos + 1} 张，共 ${total} 张`}>{pos + 1} / {total}</Text>
        <Text className='muted study-left'>剩余 {total - pos} 张</Text>
        {session.fresh.has(id) && <Text className='badge badge-ok study-new'>新</Text>}
      </View>
      <View className='study-bar' aria-hidden><View className='study-bar-fill' style={{ width: `${Math.round(pos / total * 100)}%` }} /></View>
      {error && <View className='notice notice-error study-error' role='alert'>{error}</View>}

      {entry
        ? (
          <Flashcard key={id} kind={parsed.kind} word={entry.word} pinyin={entry.pinyin} steps={steps} items={items}
            playError={resolved && !resolved.ok ? resolved.message : null} revealed={revealed} playerId='study-player' />
          )
        : <View className='notice notice-error'>找不到这个手语（{parsed.entryId}），请评分后继续。</View>}

      {!revealed
        ? <Button className='btn btn-primary study-reveal' onClick={reveal}>显示答案</Button>
        : (
          <View className='study-grades' role='group' aria-label='你记得怎么样？'>
            {GRADES.map(g => {
              const when = preview ? formatInterval(preview[g] - revealedAt) : ''
              return (
                <Button key={g} className={`btn grade-btn grade-${g}`} aria-label={`${GRADE_ZH[g]}，${when}后再复习`} onClick={() => grade(g)}>
                  <View className='grade-name'>{GRADE_ZH[g]}</View>
                  <View className='grade-when'>{when}</View>
                </Button>
              )
            })}
          </View>
          )}
      {revealed && <View className='muted study-hint'>按你刚才想起来的程度评分：想不起来选“重来”，很费劲选“困难”。</View>}
    </View>
  )
}
