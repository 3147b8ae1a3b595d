import { Text } from '@tarojs/components'

interface Props {
  text: string
  /** Half-open [start, end) ranges in UTF-16 units, as the search returns them. */
  ranges: Array<[number, number]>
  className?: string
}

/** The word with its matched part emphasised (the search computes the ranges). */
export default function Highlight ({ text, ranges, className }: Props) {
  const parts: Array<{ s: string, hit: boolean }> = []
  let at = 0
  for (const [a, b] of [...ranges].sort((x, y) => x[0] - y[0])) {
    if (a > at) parts.push({ s: text.slice(at, a), hit: false })
    if (b > Math.max(a, at)) parts.push({ s: text.slice(Math.max(a, at), b), hit: true })
    at = Math.max(at, b)
  }
  if (at < text.length) parts.push({ s: text.slice(at), hit: false })
  return (
    <Text className={className}>
      {parts.map((p, i) => <Text key={i} className={p.hit ? 'hl' : undefined}>{p.s}</Text>)}
    </Text>
  )
}
