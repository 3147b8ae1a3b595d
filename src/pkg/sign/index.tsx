import { View, Text } from '@tarojs/components'

export default function Page () {
  return (
    <View className='page'>
      <Text className='page-title'>手语详情</Text>
    </View>
  )
}
