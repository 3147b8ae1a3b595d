import { useMemo, useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import {
  DAILY_NEW_MAX, DAILY_NEW_MIN, LearnError, deckEntries, favoriteIds, isWordEntry, planToday, updateSettings,
  type DeckId, type Directions, type LearnSettings
} from '../../core/learn'
import { categories, headers } from '../../services/dictionary'
import { lastSaveError, takeRecoveryNotes, update, useProgress } from '../../services/learning'
import { formatWhen, nextDue } from '../../components/Flashcard/format'
import './index.css'

// This tab is in the main package: it must not import src/services/signs or the player.

const GOALS = [5, 10, 20]
const DIRECTIONS: Array<[Directions, string]> = [['both', '双向'], ['s2w', '只练看手语想词'], ['w2s', '只练看词想手语']]
const QUIZZES: Array<[string, string, string]> = [
  ['sign2word', '看手语选词', '看头像打手语，从 4 个词中选出意思'],
  ['word2sign', '看词选手语', '读一个词，从 4 个手语中选出它的打法'],
  ['spell', '指语拼写', '看手指字母，输入拼音']
]

function deckName (deck: DeckId, favCount: number): string {
  if (deck === 'starter') return '入门 100'
  if (deck === 'favorites') return `我的收藏（${favCount}）`
  return categories().find(c => `cat:${c.id}` === deck)?.name ?? deck.slice(4)
}

export default function LearnPage () {
  const state = useProgress()
  // Read once: the storage notes are shown on this visit and not again.
  const [notes] = useState<string[]>(takeRecoveryNotes)
  const [error, setError] = useState<string | null>(null)
  // The plan depends on the clock: refreshed whenever the tab is shown again.
  const [now, setNow] = useState(Date.now)
  useDidShow(() => setNow(Date.now()))

  const all = headers()
  // Categories with word signs only (the alphabet and number hands are practised on the 指语 page).
  const deckCategories = useMemo(() => categories().filter(c => all.some(h => h.category === c.id && isWordEntry(h))), [all])
  const { settings } = state
  const favCount = favoriteIds(state).length
  const deckSize = useMemo(() => deckEntries(settings.deck, all, state).length, [settings.deck, all, state])
  const plan = useMemo(() => planToday(state, settings.deck, all, now), [state, settings.deck, all, now])
  const todo = plan.reviews.length + plan.newCards.length
  const next = nextDue(state)

  const change = (patch: Partial<Omit<LearnSettings, 'at'>>) => {
    try {
      update((s, t) => updateSettings(s, patch, t))
      setNow(Date.now())
      setError(lastSaveError() || null)
    } catch (e) {
      setError(e instanceof LearnError ? e.message : '设置没能保存，请再试一次。')
    }
  }

  const goals = GOALS.includes(settings.dailyNew) ? GOALS : [...GOALS, settings.dailyNew].sort((a, b) => a - b)

  return (
    <View className='page page-learn'>
      <Text className='page-title'>每天学手语</Text>
      {notes.length > 0 && (
        <View className='notice notice-warn recovery-notes' role='alert'>
          {notes.map((n, i) => <View key={i}>{n}</View>)}
        </View>
      )}
      {error && <View className='notice notice-error settings-error' role='alert'>{error}</View>}

      <View className='card plan' aria-live='polite'>
        <Text className='plan-deck'>今天 · {deckName(settings.deck, favCount)}</Text>
        <View className='plan-figures'>
          <View className='plan-figure'>
            <Text className='plan-num plan-reviews'>{plan.reviews.length}</Text>
            <Text className='muted'>张待复习</Text>
          </View>
          <View className='plan-figure'>
            <Text className='plan-num plan-new'>{plan.newEntries.length}</Text>
            <Text className='muted'>个新手语</Text>
          </View>
          <View className='plan-figure'>
            <Text className='plan-num plan-left'>{plan.newLeft}</Text>
            <Text className='muted'>今日还可学新词</Text>
          </View>
        </View>
        {todo > 0
          ? <Button className='btn btn-primary start-btn' onClick={() => Taro.navigateTo({ url: '/pkg/study/index' })}>开始学习（{todo} 张卡片）</Button>
          : (
            <View className='plan-done muted'>
              {plan.newLeft === 0 && deckSize > 0 ? `今天的 ${settings.dailyNew} 个新手语已学完。` : '现在没有要复习的卡片。'}
              {plan.laterToday > 0 ? ` 今天稍后还有 ${plan.laterToday} 张到期。` : ''}
              {next !== null && next > now ? ` 下次复习：${formatWhen(next, now)}。` : ''}
            </View>
          )}
      </View>

      {deckSize === 0 && settings.deck === 'favorites' && (
        <View className='notice notice-info deck-empty'>
          还没有收藏的手语。在词典里打开一个手语，点“☆ 收藏”，它就会出现在这组里；也可以先选“入门 100”。
          <View className='btn-row deck-empty-actions'>
            <Button className='btn btn-small' onClick={() => Taro.switchTab({ url: '/pages/search/index' })}>去词典</Button>
            <Button className='btn btn-small' onClick={() => change({ deck: 'starter' })}>改学入门 100</Button>
          </View>
        </View>
      )}
      {deckSize === 0 && settings.deck !== 'favorites' && (
        <View className='notice notice-info deck-empty'>这一组暂时没有手语，请换一组。</View>
      )}
      {deckSize > 0 && plan.newEntries.length === 0 && plan.newLeft > 0 && (
        <View className='notice notice-info deck-finished'>这一组的手语都已开始学习。按时复习，或换一组学新词。</View>
      )}

      <Text className='section-title'>测验</Text>
      <View className='quiz-list'>
        {QUIZZES.map(([kind, name, desc]) => (
          <View key={kind} className={`card quiz-item quiz-${kind}`} role='button'
            onClick={() => Taro.navigateTo({ url: `/pkg/quiz/index?kind=${kind}` })}>
            <Text className='quiz-name'>{name}</Text>
            <View className='muted'>{desc}，共 10 题</View>
          </View>
        ))}
      </View>

      <Text className='section-title'>学哪一组</Text>
      <View className='deck-list' role='radiogroup' aria-label='选择词组'>
        {(['starter', 'favorites'] as DeckId[]).map(d => (
          <View key={d} className={`chip deck-chip deck-${d}${settings.deck === d ? ' chip-active' : ''}`} role='radio'
            aria-checked={settings.deck === d} onClick={() => change({ deck: d })}>{deckName(d, favCount)}</View>
        ))}
      </View>
      <View className='muted'>按分类：</View>
      <View className='deck-list deck-categories' role='radiogroup' aria-label='按分类选择词组'>
        {deckCategories.map(c => {
          const d: DeckId = `cat:${c.id}`
          return (
            <View key={c.id} className={`chip deck-chip${settings.deck === d ? ' chip-active' : ''}`} role='radio'
              aria-checked={settings.deck === d} onClick={() => change({ deck: d })}>{c.name}</View>
          )
        })}
      </View>

      <Text className='section-title'>每天新学几个手语</Text>
      <View className='goal-list' role='radiogroup' aria-label='每日新词数'>
        {goals.map(g => (
          <View key={g} className={`chip goal-chip${settings.dailyNew === g ? ' chip-active' : ''}`} role='radio'
            aria-checked={settings.dailyNew === g} aria-label={`每天 ${g} 个`} onClick={() => change({ dailyNew: g })}>{g} 个</View>
        ))}
      </View>
      <View className='muted'>可选 {DAILY_NEW_MIN}–{DAILY_NEW_MAX} 个；复习到期的卡片不受这个数限制。</View>

      <Text className='section-title'>练习方向</Text>
      <View className='direction-list' role='radiogroup' aria-label='练习方向'>
        {DIRECTIONS.map(([d, label]) => (
          <View key={d} className={`chip direction-chip${settings.directions === d ? ' chip-active' : ''}`} role='radio'
            aria-checked={settings.directions === d} onClick={() => change({ directions: d })}>{label}</View>
        ))}
      </View>
      <View className='muted'>看手语想词：头像打手语，想出是什么词；看词想手语：看到词，想出怎么打，再看答案。</View>
    </View>
  )
}
