import { useMemo, useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { Button, Image, Input, Text, View } from '@tarojs/components'
import { commonWords, nearestWords, search } from '../../core/search'
import { categoryName, getHeader, pinyinOfHanzi, searchIndex } from '../../services/dictionary'
import { loadList, pushRecent, saveList } from '../../services/local-list'
import { handshapeImage } from '../../services/handshape-image'
import Highlight from '../../components/Highlight'
import StatusBadge from '../../components/StatusBadge'
import DailyWord from '../../components/DailyWord'
import './index.css'

const RECENT_KEY = 'shouyu.recentSearches'
const RECENT_VERSION = 1
const RECENT_MAX = 12
const COMMON_COUNT = 16
const RESULT_LIMIT = 30

const isString = (x: unknown): x is string => typeof x === 'string' && x.length > 0 && x.length <= 50

export function openSign (id: string): void {
  Taro.navigateTo({ url: `/pkg/sign/index?id=${encodeURIComponent(id)}` })
}

export default function SearchPage () {
  const [query, setQuery] = useState('')
  const [recent, setRecent] = useState<string[]>(() => loadList(RECENT_KEY, RECENT_VERSION, RECENT_MAX, isString).items)
  const index = searchIndex()
  const result = useMemo(() => search(index, query, { limit: RESULT_LIMIT }), [index, query])
  const common = useMemo(() => commonWords(index, COMMON_COUNT), [index])
  const nearest = useMemo(() => (result.query && result.hits.length === 0 ? nearestWords(index, query, 6) : []), [index, query, result])

  useDidShow(() => {
    setRecent(loadList(RECENT_KEY, RECENT_VERSION, RECENT_MAX, isString).items)
  })

  const remember = (q: string) => {
    const t = q.trim()
    if (!t) return
    const next = pushRecent(recent, t, RECENT_MAX, (a, b) => a === b)
    setRecent(next)
    saveList(RECENT_KEY, RECENT_VERSION, next)
  }

  const choose = (id: string) => {
    remember(query)
    openSign(id)
  }

  const clearRecent = () => {
    setRecent([])
    saveList(RECENT_KEY, RECENT_VERSION, [])
  }

  const fingerspellText = /^[a-zA-Zü: ']+$/.test(result.query) ? result.query : pinyinOfHanzi(result.query)

  return (
    <View className='page page-search'>
      <Text className='page-title'>手语词典</Text>
      <View className='search-box'>
        <View className='input-box'>
          <Input
            className='search-input'
            type='text'
            value={query}
            placeholder='输入汉字或拼音，如 xuexi'
            confirmType='search'
            maxlength={50}
            aria-label='搜索手语'
            onInput={e => setQuery(e.detail.value)}
            onConfirm={() => { if (result.hits[0]) choose(result.hits[0].id) }}
          />
          {query && <View className='clear-btn' role='button' aria-label='清除搜索内容' onClick={() => setQuery('')}>×</View>}
        </View>
      </View>

      {!result.query && (
        <View className='search-home'>
          <DailyWord />
          {recent.length > 0 && (
            <View className='recent'>
              <View className='row-between'>
                <Text className='section-title'>最近搜索</Text>
                <Button className='btn btn-small recent-clear' aria-label='清除最近搜索' onClick={clearRecent}>清除</Button>
              </View>
              <View>{recent.map(r => <View key={r} className='chip recent-item' onClick={() => setQuery(r)}>{r}</View>)}</View>
            </View>
          )}
          <Text className='section-title'>常用词</Text>
          <View className='common'>
            {common.map(h => <View key={h.id} className='chip common-item' onClick={() => openSign(h.id)}>{h.word}</View>)}
          </View>
          <Text className='section-title'>浏览</Text>
          <View className='browse-grid'>
            <Button className='btn browse-category' onClick={() => Taro.navigateTo({ url: '/pkg/browse/index?by=category' })}>按分类</Button>
            <Button className='btn browse-handshape' onClick={() => Taro.navigateTo({ url: '/pkg/browse/index?by=handshape' })}>按手形</Button>
            <Button className='btn browse-site' onClick={() => Taro.navigateTo({ url: '/pkg/browse/index?by=site' })}>按位置</Button>
            <Button className='btn browse-letters' onClick={() => Taro.navigateTo({ url: '/pkg/fingerspell/index' })}>指语字母</Button>
            <Button className='btn browse-numbers' onClick={() => Taro.navigateTo({ url: '/pkg/browse/index?by=category&id=numbers' })}>数字</Button>
          </View>
        </View>
      )}

      {result.query && result.hits.length > 0 && (
        <View className='results' aria-label={`找到 ${result.hits.length} 个结果`}>
          <View className='muted result-count'>找到 {result.hits.length} 个</View>
          {result.hits.map(hit => {
            const h = getHeader(hit.id)
            return (
              <View key={hit.id} className='result-row' role='button' onClick={() => choose(hit.id)}>
                <View className='result-main'>
                  <Highlight className='result-word' text={hit.word} ranges={hit.highlight} />
                  {h?.variant ? <Text className='muted'> {'①②③④⑤'[h.variant - 1] ?? h.variant}</Text> : null}
                  <View className='result-sub'>
                    {hit.pinyin} · {h ? categoryName(h.category) : ''}
                    {hit.matchedShare ? ` · 同“${hit.matchedShare}”` : ''}
                    {h && h.status !== 'reviewed' ? <StatusBadge status={h.status} project={h.project} /> : null}
                  </View>
                </View>
                {h && <Image className='result-shape' src={handshapeImage(h.handshape)} mode='aspectFit' nativeProps={{ alt: `起始手形 ${h.handshape}` }} />}
              </View>
            )
          })}
        </View>
      )}

      {result.query && result.hits.length === 0 && (
        <View className='no-result'>
          <View className='notice notice-info'>没有找到“{result.query}”的手语。</View>
          {nearest.length > 0 && (
            <View>
              <Text className='section-title'>相近的词</Text>
              <View>{nearest.map(h => <View key={h.id} className='chip nearest-item' onClick={() => openSign(h.id)}>{h.word}</View>)}</View>
            </View>
          )}
          {fingerspellText
            ? <Button className='btn btn-primary fingerspell-btn' onClick={() => Taro.navigateTo({ url: `/pkg/fingerspell/index?text=${encodeURIComponent(fingerspellText)}` })}>用指语拼出“{result.query}”</Button>
            : <View className='muted'>可以输入拼音，用指语拼出来。</View>}
        </View>
      )}
    </View>
  )
}
