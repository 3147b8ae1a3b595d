import { type PropsWithChildren } from 'react'
import { useDidShow, useLaunch } from '@tarojs/taro'
import { initCloud } from './services/cloud'
import { enhanceH5Accessibility } from './services/a11y'
import { initPrivacy } from './services/privacy'
import { syncIfPending } from './services/learning'
import { flushPendingFeedback } from './services/feedback'
import './app.css'

function App ({ children }: PropsWithChildren<any>) {
  useLaunch(() => {
    initCloud()
    initPrivacy()
    enhanceH5Accessibility()
  })
  // Back in the foreground: send what waited for the network (progress, 纠错 reports).
  useDidShow(() => {
    syncIfPending()
    flushPendingFeedback().catch(() => {})
  })
  return children
}

export default App
