/**
 * The platform part of the player: find the canvas node (type="2d"; same call on weapp and H5),
 * size it for the device pixel ratio, and schedule frames. Everything else is src/core/avatar.
 */
import Taro from '@tarojs/taro'

export interface CanvasHandle {
  canvas: any
  ctx: any
  width: number
  height: number
  dpr: number
  raf: (cb: () => void) => number
  cancel: (id: number) => void
}

const QUERY_RETRIES = 20 // × 50 ms: the node appears after the first render commit

export function acquireCanvas (id: string, width: number, height: number): Promise<CanvasHandle | null> {
  return new Promise(resolve => {
    let tries = 0
    const attempt = () => {
      const retry = () => { if (++tries < QUERY_RETRIES) setTimeout(attempt, 50); else resolve(null) }
      const onNode = (res: any[]) => {
        const canvas = res?.[0]?.node
        if (!canvas || typeof canvas.getContext !== 'function') { retry(); return }
        const dpr = Math.min(3, Taro.getSystemInfoSync().pixelRatio || 1)
        canvas.width = Math.round(width * dpr)
        canvas.height = Math.round(height * dpr)
        const ctx = canvas.getContext('2d')
        // WeChat's canvas node has its own rAF (required there); browsers use the window's.
        const raf = typeof canvas.requestAnimationFrame === 'function'
          ? (cb: () => void) => canvas.requestAnimationFrame(cb)
          : (cb: () => void) => requestAnimationFrame(cb)
        const cancel = typeof canvas.cancelAnimationFrame === 'function'
          ? (h: number) => canvas.cancelAnimationFrame(h)
          : (h: number) => cancelAnimationFrame(h)
        resolve({ canvas, ctx, width, height, dpr, raf, cancel })
      }
      if (process.env.TARO_ENV === 'h5') {
        // The browser has the node at hand. Taro's H5 selector query resolves on a later tick
        // against whichever page is current then, and throws (uncaught) when the learner has
        // switched tabs meanwhile: the browser suite saw it 1 run in 20.
        const host = typeof document !== 'undefined' ? document.getElementById(id) : null
        onNode([{ node: host?.tagName === 'CANVAS' ? host : host?.querySelector('canvas') }])
        return
      }
      try {
        Taro.createSelectorQuery().select(`#${id}`).fields({ node: true, size: true } as any).exec(onNode)
      } catch {
        // No page loaded yet, or a runtime without canvas nodes: try again, then give up
        // (the player then says the canvas could not start).
        retry()
      }
    }
    attempt()
  })
}

/** Calls back with false when the element leaves the viewport and true when it returns. */
export function observeInView (id: string, onChange: (visible: boolean) => void): () => void {
  if (process.env.TARO_ENV === 'h5') {
    const el = typeof document !== 'undefined' ? document.getElementById(id) : null
    if (!el || typeof IntersectionObserver === 'undefined') return () => {}
    const io = new IntersectionObserver(entries => { for (const e of entries) onChange(e.isIntersecting) })
    io.observe(el)
    return () => io.disconnect()
  }
  try {
    const page = Taro.getCurrentInstance().page as any
    const obs = Taro.createIntersectionObserver(page)
    obs.relativeToViewport().observe(`#${id}`, (r: any) => onChange((r?.intersectionRatio ?? 0) > 0))
    return () => obs.disconnect()
  } catch {
    return () => {}
  }
}
