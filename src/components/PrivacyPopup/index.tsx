import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { AGREE_BUTTON_ID, CONSENT_TEXT, type ConsentRequest, registerConsentPresenter, takePendingRequest } from '../../services/privacy'
import './index.css'

const TITLES = { model: '发送句子给模型翻译？', record: '允许录音并转成文字？', wechat: '隐私保护提示' } as const

/**
 * The consent popup of services/privacy.ts: shown while a page that can ask is in front. On weapp
 * its 同意 is WeChat's agreePrivacyAuthorization button, so agreeing here is also agreeing to the
 * mini-program's privacy guide (what wx.onNeedPrivacyAuthorization waits for).
 */
export default function PrivacyPopup ({ onPrivacyPage = false }: { onPrivacyPage?: boolean }) {
  const [req, setReq] = useState<ConsentRequest | null>(null)
  // A modal sheet: the tab bar goes while it is open (on H5 it would cover the buttons), and comes back.
  useEffect(() => {
    if (!req) return
    Taro.hideTabBar({ animation: false }).catch(() => {})
    return () => { Taro.showTabBar({ animation: false }).catch(() => {}) }
  }, [req])
  useEffect(() => {
    const off = registerConsentPresenter(setReq)
    // A request that opened the 隐私 page to be answered here.
    const waiting = takePendingRequest()
    if (waiting) setReq(waiting)
    return off
  }, [])
  if (!req) return null
  const reply = (agree: boolean): void => { req.answer(agree); setReq(null) }
  const weapp = process.env.TARO_ENV === 'weapp'
  return (
    <View className='privacy-scrim'>
      <View className='privacy-popup' role='dialog' aria-modal='true' aria-labelledby='privacy-popup-title'>
        <Text className='privacy-title' id='privacy-popup-title'>{TITLES[req.ask]}</Text>
        <View className='privacy-text'>{CONSENT_TEXT[req.ask]}</View>
        {!onPrivacyPage && (
          <View className='privacy-more' role='link' onClick={() => Taro.navigateTo({ url: '/pkg/privacy/index' })}>查看《隐私说明》：收集什么、为什么、保存多久</View>
        )}
        <View className='btn-row privacy-actions'>
          <Button className='btn privacy-disagree' onClick={() => reply(false)}>不同意</Button>
          {weapp
            ? <Button id={AGREE_BUTTON_ID} className='btn btn-primary privacy-agree' openType='agreePrivacyAuthorization'
                onAgreePrivacyAuthorization={() => reply(true)} onClick={() => reply(true)}>同意</Button>
            : <Button className='btn btn-primary privacy-agree' onClick={() => reply(true)}>同意</Button>}
        </View>
      </View>
    </View>
  )
}
