import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { commonWords } from '../../core/search'
import { categoryName, searchIndex } from '../../services/dictionary'

const CHINA_OFFSET_MS = 8 * 3600 * 1000 // the day turns at midnight China time for everyone
const DAY_MS = 24 * 3600 * 1000
const POOL = 200 // the daily word comes from the most common signs

/** 每日一词: the same word all day, a different one tomorrow. */
export default function DailyWord ({ now = Date.now() }: { now?: number }) {
  const pool = commonWords(searchIndex(), POOL).filter(h => h.category !== 'letters' && h.category !== 'numbers')
  if (pool.length === 0) return null
  const day = Math.floor((now + CHINA_OFFSET_MS) / DAY_MS)
  // A stride coprime with most pool sizes walks the pool without repeating soon.
  const h = pool[(day * 37) % pool.length]
  return (
    <View className='card daily' role='button' onClick={() => Taro.navigateTo({ url: `/pkg/sign/index?id=${encodeURIComponent(h.id)}` })}>
      <Text className='muted'>每日一词</Text>
      <View className='daily-word'>{h.word}</View>
      <Text className='muted'>{h.pinyin} · {categoryName(h.category)} · 点击学习</Text>
    </View>
  )
}
