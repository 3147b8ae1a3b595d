import { type PropsWithChildren } from 'react'
import { useLaunch } from '@tarojs/taro'
import { initCloud } from './services/cloud'
import './app.css'

function App ({ children }: PropsWithChildren<any>) {
  useLaunch(() => {
    initCloud()
  })
  return children
}

export default App
