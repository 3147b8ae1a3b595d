import { View, Text } from '@tarojs/components'

export default function LearnPage () {
  return (
    <View className='page page-learn'>
      <Text className='page-title'>每天学手语</Text>
      <View className='muted'>选择一组手语，按计划复习。</View>
    </View>
  )
}
