import { Text, View } from '@tarojs/components'
import type { CardKind } from '../../core/learn'
import type { TimelineItem } from '../../core/avatar'
import SignPlayer from '../SignPlayer'
import './index.css'

interface Props {
  kind: CardKind
  word: string
  pinyin: string
  /** The sign's description steps (shown with the answer; also the fallback when it cannot play). */
  steps: readonly string[]
  /** Player items of the sign; empty when it cannot be played. */
  items: TimelineItem[]
  /** Why the sign cannot be played, or null. */
  playError: string | null
  revealed: boolean
  playerId: string
}

const CN_NUM = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十']

/**
 * One flashcard face. 看手语想词 (s2w): the avatar plays, the word is hidden until revealed.
 * 看词想手语 (w2s): the word shows; the avatar and the steps appear when revealed.
 * Imports the player: for the `pkg` subpackage only.
 */
export default function Flashcard ({ kind, word, pinyin, steps, items, playError, revealed, playerId }: Props) {
  const showSign = kind === 's2w' || revealed
  const showWord = kind === 'w2s' || revealed
  const wordPart = showWord
    ? (
      <View className='flashcard-word-box' aria-live='polite'>
        <Text className='flashcard-word'>{word}</Text>
        <View className='flashcard-pinyin'>{pinyin}</View>
      </View>
      )
    : <View className='flashcard-hidden' aria-label='答案已隐藏'>？</View>
  const signPart = showSign
    ? (
      <View className='flashcard-sign'>
        {playError && <View className='notice notice-error flashcard-play-error'>这个手语暂时无法播放：{playError}</View>}
        {items.length > 0 && <SignPlayer id={playerId} items={items} autoPlay loop={false} compact />}
      </View>
      )
    : null
  return (
    <View className={`flashcard flashcard-${kind}${revealed ? ' flashcard-revealed' : ''}`}>
      <Text className='flashcard-kind'>{kind === 's2w' ? '看手语，想想是什么词' : '看词，想想这个手语怎么打'}</Text>
      {kind === 's2w' ? <>{signPart}{wordPart}</> : <>{wordPart}{signPart}</>}
      {kind === 'w2s' && !revealed && <View className='muted flashcard-prompt'>先在心里（或用手）打一遍，再点“显示答案”对照。</View>}
      {revealed && steps.length > 0 && (
        <View className='flashcard-steps'>
          {steps.map((s, i) => (
            <View key={i} className='flashcard-step'><Text className='flashcard-step-num'>（{CN_NUM[i] ?? i + 1}）</Text>{s}</View>
          ))}
        </View>
      )}
    </View>
  )
}
