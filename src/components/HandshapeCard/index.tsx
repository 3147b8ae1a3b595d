import { Text, View } from '@tarojs/components'
import { getHandshape } from '../../core/sign'
import { letterLabel } from '../../core/avatar'
import './index.css'

interface Props {
  /** Handshape id of src/core/sign/handshapes.ts ('ZH', '6', 'fist'). */
  id: string
  /** Show where the description comes from (the table's honest provenance note). */
  showSource?: boolean
}

/** A handshape's Chinese name and how to form it, under the player of the 指语 and browse pages. */
export default function HandshapeCard ({ id, showSource = true }: Props) {
  const def = getHandshape(id)
  if (!def) return <View className='notice notice-error handshape-card-missing'>没有这个手形：{id}</View>
  const big = def.group === 'common' ? def.zh : letterLabel(def.id)
  return (
    <View className='card handshape-card' aria-label={`${def.zh}：${def.description}`}>
      <View className='handshape-card-head'>
        <Text className='handshape-card-big'>{big}</Text>
        {big !== def.zh && <Text className='handshape-card-name'>{def.zh}</Text>}
      </View>
      <View className='handshape-card-desc'>{def.description}</View>
      {showSource && <View className='muted handshape-card-source'>来源：{def.source}</View>}
    </View>
  )
}
