import { Text, View } from '@tarojs/components'
import './index.css'

export interface ChartPoint {
  /** 'MM-DD' */
  label: string
  reviews: number
  /** Reviews not graded 重来. */
  recalled: number
}

interface Props {
  /** Oldest first; the last point is today. */
  points: readonly ChartPoint[]
  title?: string
}

/** Bar height in design px for the busiest day; other days scale to it. */
const BAR_MAX_PX = 200

function dayName (p: ChartPoint, isToday: boolean): string {
  if (isToday) return '今天'
  const [m, d] = p.label.split('-')
  return m && d ? `${Number(m)}月${Number(d)}日` : p.label
}

/**
 * A small 7-day bar chart of reviews made of plain Views (no canvas: cheap, and readable by a
 * screen reader — each bar's aria-label states its numbers).
 */
export default function ProgressChart ({ points, title = '最近 7 天的复习' }: Props) {
  const max = points.reduce((m, p) => Math.max(m, p.reviews), 0)
  const total = points.reduce((n, p) => n + p.reviews, 0)
  return (
    <View className='pchart card' aria-label={`${title}：共 ${total} 次`}>
      <Text className='pchart-title'>{title}</Text>
      {total === 0 && <View className='muted pchart-empty'>这 7 天还没有复习记录。学几张卡片，这里会出现每天的柱状图。</View>}
      <View className='pchart-bars'>
        {points.map((p, i) => {
          const isToday = i === points.length - 1
          const h = max === 0 ? 0 : Math.max(p.reviews > 0 ? 8 : 0, Math.round(p.reviews / max * BAR_MAX_PX))
          const okH = p.reviews === 0 ? 0 : Math.round(h * p.recalled / p.reviews)
          const name = dayName(p, isToday)
          return (
            <View key={p.label} className={`pchart-col${isToday ? ' pchart-today' : ''}`}
              aria-label={`${name}：复习 ${p.reviews} 次，记住 ${p.recalled} 次`}>
              <Text className='pchart-num' aria-hidden>{p.reviews}</Text>
              <View className='pchart-track' style={{ height: `${BAR_MAX_PX}px` }} aria-hidden>
                <View className='pchart-bar' style={{ height: `${h}px` }}>
                  <View className='pchart-bar-ok' style={{ height: `${okH}px` }} />
                </View>
              </View>
              <Text className='pchart-label' aria-hidden>{isToday ? '今天' : p.label.slice(3)}</Text>
            </View>
          )
        })}
      </View>
      <View className='pchart-legend muted' aria-hidden>
        <Text className='pchart-key pchart-key-ok' /> 记住{'\u3000'}<Text className='pchart-key pchart-key-again' /> 重来
      </View>
    </View>
  )
}
