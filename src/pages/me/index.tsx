import { useMemo, useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import {
  LearnError, clearHistory, favoriteIds, historyList, progressStats, removeFromHistory, setFavorite
} from '../../core/learn'
import { categoryName, getHeader } from '../../services/dictionary'
import { lastSaveError, syncNow, update, useProgress } from '../../services/learning'
import ProgressChart from '../../components/ProgressChart'
import { formatAgo } from '../../components/Flashcard/format'
import './index.css'

// This tab is in the main package: no player, no full sign data (headers only).

/** Rows shown before 显示全部: keeps the first screen short; the lists can hold hundreds. */
const LIST_PREVIEW = 10

type Msg = { kind: 'ok' | 'error' | 'info', text: string }

function openSign (id: string): void {
  Taro.navigateTo({ url: `/pkg/sign/index?id=${encodeURIComponent(id)}` })
}

function Row ({ id, sub, removeLabel, onRemove, cls }: { id: string, sub: string, removeLabel: string, onRemove: () => void, cls: string }) {
  const h = getHeader(id)
  // An entry removed from the dictionary since it was saved: still listed, so it can be removed.
  const word = h?.word ?? id
  return (
    <View className={`me-row ${cls}`}>
      <View className='me-row-main' role={h ? 'link' : undefined} aria-label={h ? `打开 ${word}` : undefined}
        onClick={() => { if (h) openSign(id) }}>
        <Text className='me-row-word'>{word}</Text>
        <View className='me-row-sub'>{h ? `${h.pinyin} · ${categoryName(h.category)}` : '词典中已没有这个手语'}{sub ? ` · ${sub}` : ''}</View>
      </View>
      <Button className='btn btn-small me-row-remove' aria-label={`${removeLabel}：${word}`} onClick={onRemove}>移除</Button>
    </View>
  )
}

export default function MePage () {
  const state = useProgress()
  const [now, setNow] = useState(Date.now)
  useDidShow(() => setNow(Date.now()))
  const [showAllFav, setShowAllFav] = useState(false)
  const [showAllHist, setShowAllHist] = useState(false)
  const [msg, setMsg] = useState<Msg | null>(null)
  const [syncing, setSyncing] = useState(false)

  const stats = useMemo(() => progressStats(state, now), [state, now])
  const favs = useMemo(() => favoriteIds(state), [state])
  const hist = useMemo(() => historyList(state), [state])

  const act = (fn: Parameters<typeof update>[0]) => {
    try {
      update(fn)
      setNow(Date.now())
      // Kept in memory even when the phone's storage refused it: say so rather than pretend.
      const saveError = lastSaveError()
      setMsg(saveError ? { kind: 'error', text: saveError } : null)
    } catch (e) {
      setMsg({ kind: 'error', text: e instanceof LearnError ? e.message : '操作没能完成，请再试一次。' })
    }
  }

  const confirmClear = async () => {
    let ok: boolean
    try {
      ok = (await Taro.showModal({ title: '清空浏览记录', content: `确定清空全部 ${hist.length} 条浏览记录吗？收藏不受影响。`, confirmText: '清空', cancelText: '取消' })).confirm
    } catch {
      ok = false
    }
    if (ok) act((s, t) => clearHistory(s, t))
  }

  const sync = async () => {
    setSyncing(true)
    setMsg({ kind: 'info', text: '正在同步…' })
    let r: Awaited<ReturnType<typeof syncNow>>
    try {
      r = await syncNow()
    } catch {
      r = { ok: false, code: 'NETWORK', message: '同步失败，请稍后再试。' }
    }
    setSyncing(false)
    if (!r.ok) { setMsg({ kind: 'error', text: r.message }); return }
    setNow(Date.now())
    setMsg({ kind: 'ok', text: ['已同步，其他设备上的进度也已合并。', ...r.notes].join(' ') })
  }

  const accuracy = stats.accuracy === null ? '—' : `${Math.round(stats.accuracy * 100)}%`
  const favShown = showAllFav ? favs : favs.slice(0, LIST_PREVIEW)
  const histShown = showAllHist ? hist : hist.slice(0, LIST_PREVIEW)

  return (
    <View className='page page-me'>
      <Text className='page-title'>我的</Text>

      <View className='me-stats'>
        <View className='card me-stat stat-streak' aria-label={`连续学习 ${stats.streak} 天`}>
          <Text className='me-stat-num'>{stats.streak}</Text><Text className='muted'>连续学习（天）</Text>
        </View>
        <View className='card me-stat stat-learned' aria-label={`已学会 ${stats.learned} 个手语`}>
          <Text className='me-stat-num'>{stats.learned}</Text><Text className='muted'>已学会的手语</Text>
        </View>
        <View className='card me-stat stat-due' aria-label={`今天待复习 ${stats.dueToday} 张卡片`}>
          <Text className='me-stat-num'>{stats.dueToday}</Text><Text className='muted'>今天待复习</Text>
        </View>
        <View className='card me-stat stat-accuracy' aria-label={stats.accuracy === null ? '正确率：还没有记录' : `近 30 天正确率 ${accuracy}`}>
          <Text className='me-stat-num'>{accuracy}</Text><Text className='muted'>近 30 天正确率</Text>
        </View>
      </View>
      {stats.streak > 0 && <View className='muted streak-line'>已连续学习 {stats.streak} 天，今天复习了 {stats.reviewsToday} 次。</View>}

      <ProgressChart points={stats.last7} />

      <View className='sync'>
        <Button className='btn sync-btn' disabled={syncing} onClick={sync}>{syncing ? '同步中…' : '同步进度'}</Button>
        <Text className='muted sync-state'> 进度先存在本机，同步后可在其他设备继续。</Text>
      </View>
      {msg && <View className={`notice notice-${msg.kind === 'error' ? 'error' : 'info'} me-msg`} role='status'>{msg.text}</View>}
      <Button className='btn btn-small privacy-open' onClick={() => Taro.navigateTo({ url: '/pkg/privacy/index' })}>隐私说明 · 删除云端数据</Button>

      <Text className='section-title fav-title'>收藏（{stats.favorites}）</Text>
      {favs.length === 0
        ? <View className='muted fav-empty'>还没有收藏。在手语详情页点“☆ 收藏”，常用的词就能在这里找到，也可以在“学习”里按收藏学习。</View>
        : (
          <View className='me-list fav-list'>
            {favShown.map(id => (
              <Row key={id} id={id} cls='fav-row' sub='' removeLabel='取消收藏'
                onRemove={() => act((s, t) => setFavorite(s, id, false, t))} />
            ))}
          </View>
        )}
      {favs.length > LIST_PREVIEW && (
        <Button className='btn btn-small more-btn' onClick={() => setShowAllFav(!showAllFav)}>{showAllFav ? '收起' : `显示全部 ${favs.length} 个`}</Button>
      )}

      <View className='row-between'>
        <Text className='section-title hist-title'>浏览记录（{stats.history}）</Text>
        {hist.length > 0 && <Button className='btn btn-small hist-clear' aria-label='清空全部浏览记录' onClick={confirmClear}>清空</Button>}
      </View>
      {hist.length === 0
        ? <View className='muted hist-empty'>还没有浏览记录。看过的手语会按时间列在这里。</View>
        : (
          <View className='me-list hist-list'>
            {histShown.map(h => (
              <Row key={h.id} id={h.id} cls='hist-row' sub={formatAgo(h.at, now)} removeLabel='从浏览记录中移除'
                onRemove={() => act((s, t) => removeFromHistory(s, h.id, t))} />
            ))}
          </View>
        )}
      {hist.length > LIST_PREVIEW && (
        <Button className='btn btn-small more-btn' onClick={() => setShowAllHist(!showAllHist)}>{showAllHist ? '收起' : `显示全部 ${hist.length} 条`}</Button>
      )}
    </View>
  )
}
