import { useMemo } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { localDay, wordOfTheDay } from '../../core/learn'
import { categoryName, headers } from '../../services/dictionary'

/** 每日一词: the same word all day (China time), a different one tomorrow. */
export default function DailyWord ({ now = Date.now() }: { now?: number }) {
  // The pick sorts the whole dictionary: once per day, not on every render of the search page.
  const day = localDay(now)
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by the day, not the millisecond
  const h = useMemo(() => wordOfTheDay(headers(), now), [day])
  if (!h) return null
  return (
    <View className='card daily' role='button'
      onClick={() => Taro.navigateTo({ url: `/pkg/sign/index?id=${encodeURIComponent(h.id)}` })}>
      <Text className='muted'>每日一词</Text>
      <View className='daily-word'>{h.word}</View>
      <Text className='muted'>{h.pinyin} · {categoryName(h.category)} · 点击学习</Text>
    </View>
  )
}
