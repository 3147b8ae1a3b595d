import { View, Text } from '@tarojs/components'

export default function SearchPage () {
  return (
    <View className='page page-search'>
      <Text className='page-title'>手语词典</Text>
      <View className='muted'>输入汉字或拼音，查找国家通用手语。</View>
    </View>
  )
}
