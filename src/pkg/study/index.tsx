import { View, Text } from '@tarojs/components'

export default function Page () {
  return (
    <View className='page'>
      <Text className='page-title'>学习卡片</Text>
    </View>
  )
}
