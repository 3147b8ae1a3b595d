import { View, Text } from '@tarojs/components'

export default function TranslatePage () {
  return (
    <View className='page page-translate'>
      <Text className='page-title'>句子翻译</Text>
      <View className='muted'>输入一句话，看它用手语怎么打。</View>
    </View>
  )
}
