import { View, Text } from '@tarojs/components'

export default function MePage () {
  return (
    <View className='page page-me'>
      <Text className='page-title'>我的</Text>
      <View className='muted'>收藏、浏览记录和学习进度。</View>
    </View>
  )
}
