import { Button } from '@tarojs/components'
import { isFavorite } from '../../core/learn'
import { toggleFavorite, useProgress } from '../../services/learning'

/** 收藏 toggle for a sign; the state lives in the learner's progress (synced across devices). */
export default function FavoriteButton ({ id }: { id: string }) {
  const s = useProgress()
  const on = isFavorite(s, id)
  return (
    <Button className={`btn btn-small favorite-btn${on ? ' favorite-on' : ''}`} aria-pressed={on}
      aria-label={on ? '取消收藏' : '收藏'} onClick={() => toggleFavorite(id)}>
      {on ? '★ 已收藏' : '☆ 收藏'}
    </Button>
  )
}
