import { View, Text } from '@tarojs/components'

export default function Page () {
  return (
    <View className='page'>
      <Text className='page-title'>指语</Text>
    </View>
  )
}
