import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import PrivacyPopup from '../../components/PrivacyPopup'
import { consentFor, setConsent } from '../../services/privacy'
import { deleteMyCloudData } from '../../services/my-data'
import './index.css'

type Msg = { kind: 'ok' | 'error' | 'info', text: string }

/**
 * 隐私说明: what the app collects, why, and for how long, in plain words; the user's choices
 * (sending sentences to the model) and the button that deletes what the cloud keeps of them.
 * Keep in step with docs/architecture.md (what is stored) and the privacy guide filed with WeChat.
 */
export default function PrivacyPage () {
  const [model, setModel] = useState(() => consentFor('model') === true)
  const [busy, setBusy] = useState(false)
  const [msg, setMsg] = useState<Msg | null>(null)

  const toggleModel = (on: boolean) => { setConsent('model', on); setModel(on) }

  const remove = async () => {
    let ok: boolean
    try {
      ok = (await Taro.showModal({
        title: '删除云端数据',
        content: '将删除云端保存的你的学习进度和你提交的全部纠错反馈，无法恢复。手机上的学习进度会保留。确定删除吗？',
        confirmText: '删除', cancelText: '取消'
      })).confirm
    } catch {
      ok = false
    }
    if (!ok) return
    setBusy(true)
    setMsg({ kind: 'info', text: '正在删除…' })
    const r = await deleteMyCloudData()
    setBusy(false)
    setMsg(r.ok
      ? { kind: 'ok', text: `已删除：云端学习进度 ${r.progress} 份，纠错反馈 ${r.feedback} 条。手机上的学习进度仍然保留；以后点“同步进度”才会重新上传。` }
      : { kind: 'error', text: r.message })
  }

  return (
    <View className='page page-privacy'>
      <Text className='page-title'>隐私说明</Text>
      <View className='muted'>手语词典只为翻译、同步学习进度和改进词典使用你提供的内容，不做广告，不卖给任何人。</View>

      <Text className='section-title'>我们收集什么、为什么</Text>
      <View className='card privacy-item privacy-sentences'>
        <Text className='privacy-item-title'>你输入或说出的句子</Text>
        <View>翻译时，句子发送到我们的云函数，再发给智谱 GLM 大模型，按中国手语的语序转换成手语。语音输入时，录音先由智谱 GLM-ASR 转成文字。只为完成这一次翻译。</View>
        <View className='muted'>不同意发送给模型时，句子只在我们的云函数里用离线规则翻译，不发给模型。</View>
      </View>
      <View className='card privacy-item privacy-progress'>
        <Text className='privacy-item-title'>学习进度</Text>
        <View>收藏、浏览记录、学习卡片和测验成绩先保存在你的手机上；同步时上传到云端，这样换一台设备也能接着学。</View>
      </View>
      <View className='card privacy-item privacy-feedback'>
        <Text className='privacy-item-title'>纠错反馈</Text>
        <View>你在手语详情页提交的纠错内容（和你选填的联系方式），供审校人员核对和修改手语。</View>
      </View>
      <View className='card privacy-item privacy-id'>
        <Text className='privacy-item-title'>匿名标识</Text>
        <View>微信提供的用户标识（网页版是本机服务器发给浏览器的匿名标识），用来区分不同用户的学习进度，并限制调用频率。纠错反馈里只保存它的不可还原的摘要。</View>
      </View>

      <Text className='section-title'>保存多久</Text>
      <View className='card privacy-item privacy-retention'>
        <View>· 句子和录音：不保存原句和录音。模型的翻译结果按句子的摘要缓存（不含你的身份），词典数据更新后作废；调用计数一分钟后删除。智谱按其隐私政策处理收到的内容，我们只告诉它一个匿名摘要，不告诉它你是谁。</View>
        <View>· 学习进度：保存到你在下面删除为止。</View>
        <View>· 纠错反馈：保存到审校完毕；你可以随时在下面删除自己提交的全部纠错。提交频率计数一小时后删除。</View>
      </View>

      <Text className='section-title'>你的选择</Text>
      <View className='card privacy-choice'>
        <View className={`chip privacy-model-switch${model ? ' chip-active' : ''}`} role='switch' aria-checked={model}
          onClick={() => toggleModel(!model)}>{model ? '✓ ' : ''}允许把句子发给模型翻译</View>
        <View className='muted'>{model ? '已允许：翻译更准确。' : '未允许：只用离线规则翻译。'}</View>
      </View>
      <Button className='btn privacy-delete' disabled={busy} aria-disabled={busy} onClick={remove}>{busy ? '正在删除…' : '删除我在云端的学习进度和纠错'}</Button>
      {msg && <View className={`notice notice-${msg.kind === 'error' ? 'error' : 'info'} privacy-msg`} role='status'>{msg.text}</View>}
      {process.env.TARO_ENV === 'weapp' && (
        <Button className='btn btn-small privacy-contract' onClick={() => { try { Taro.openPrivacyContract({}) } catch { /* base library < 2.32.3: nothing to open */ } }}>查看微信《用户隐私保护指引》</Button>
      )}
      <PrivacyPopup onPrivacyPage />
    </View>
  )
}
