/**
 * The one door to the cloud functions. On weapp it is Taro.cloud.callFunction; on H5 it posts to
 * the local cloud-function server (npm start), which runs the very same bundled functions.
 * Pages never know which.
 */
import Taro from '@tarojs/taro'
import { AppError } from '../core/base'

/** A failure the UI can show as is: `message` is Chinese and says what to do. */
export class CloudError extends AppError {}

const NETWORK_MESSAGE = '网络连接失败，请检查网络后重试。'

let inited = false

export function initCloud (): void {
  if (inited) return
  inited = true
  if (process.env.TARO_ENV === 'weapp' && Taro.cloud) {
    // No env id: the mini-program's default cloud environment.
    Taro.cloud.init({ traceUser: true })
  }
}

export async function callCloud<T> (name: string, data: object): Promise<T> {
  if (process.env.TARO_ENV === 'weapp') {
    initCloud()
    try {
      const res = await Taro.cloud.callFunction({ name, data: data as any })
      return res.result as T
    } catch (e) {
      const msg = String((e as any)?.errMsg ?? (e as Error)?.message ?? '')
      if (/timed? ?out|超时/i.test(msg)) throw new CloudError('TIMEOUT', '服务器响应超时，请稍后重试。')
      throw new CloudError('NETWORK', NETWORK_MESSAGE)
    }
  }
  // H5 is always served by the local server, so the functions are on the same origin. Who we
  // are is the server's HttpOnly cookie (set with the page), sent by the browser: the page
  // neither knows nor chooses its user id.
  let res: Response
  try {
    res = await fetch(`/api/cloud/${encodeURIComponent(name)}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(data)
    })
  } catch {
    throw new CloudError('NETWORK', NETWORK_MESSAGE)
  }
  let body: unknown
  try {
    body = await res.json()
  } catch {
    throw new CloudError('BAD_RESPONSE', '服务器返回了无法识别的内容，请稍后重试。')
  }
  if (!res.ok && (body as any)?.ok !== false) {
    throw new CloudError('HTTP_' + res.status, `服务器出错（${res.status}），请稍后重试。`)
  }
  return body as T
}
