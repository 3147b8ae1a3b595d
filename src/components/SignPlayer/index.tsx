import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import Taro, { useDidHide, useDidShow } from '@tarojs/taro'
import { Button, Canvas, Slider, Text, View } from '@tarojs/components'
import {
  type CameraView, type Player, type TimelineItem, type Trail, PALETTES, buildDrawList, compileTimeline, computeTrail,
  aimFull, createCamera, createDrawList, createPlayer, createPose, currentPhase, itemIndex, pause, play, renderDrawList,
  samplePlayerPose, scrub, setCamera, setLoop, setSpeed, stepPhase, tick, viewAdvice
} from '../../core/avatar'
import { useTheme } from '../../services/theme'
import { acquireCanvas, type CanvasHandle, observeInView } from './canvas'
import { loadPrefs, type PlayerPrefs, savePrefs, SPEEDS } from './prefs'
import './index.css'

interface Props {
  /** The simple signs to play, as one continuous sequence. */
  items: TimelineItem[]
  /** Unique per page: the canvas id. */
  id?: string
  autoPlay?: boolean
  loop?: boolean
  /** Hold (s) for signs without movement (fingerspelled letters). */
  letterHold?: number
  /** Canvas height / width. */
  aspect?: number
  /** Hide the secondary controls (angle, mirror, close-up) for small embeds. */
  compact?: boolean
  /** Always frame the dominant hand (handshape previews), whatever the viewer's preference. */
  closeUp?: boolean
  onStep?: (step: number) => void
  onItem?: (index: number) => void
  /** The sequence played to its end (not called while looping): the translate page's queue moves on. */
  onEnd?: () => void
}

const UI_REFRESH_MS = 100 // React state (scrub position) updates at 10 Hz; the canvas at 60 fps
const VIEWS: Array<[CameraView, string]> = [['front', '正面'], ['45', '45°'], ['side', '侧面']]

/** The scrub bar's filled part: the theme's primary colour (app.css --c-primary). */
const SCRUB_COLOR = { light: '#0B5CAD', dark: '#7AB4F5' } as const

const MIN_WIDTH = 200 // px: below this the hands are too small to read
const MAX_WIDTH = 560 // px: a tablet or desktop browser does not need a bigger avatar

interface PlayerUi { playing: boolean; frac: number; phase: string; step: number; item: number; loop: boolean; ended: boolean }

/** What the controls show for a player (or for none). */
function uiOf (p: Player | null, loop: boolean): PlayerUi {
  if (!p) return { playing: false, frac: 0, phase: '', step: -1, item: -1, loop, ended: false }
  const ph = currentPhase(p)
  return { playing: p.playing, frac: p.timeline.duration > 0 ? p.time / p.timeline.duration : 0, phase: ph?.label ?? '', step: ph?.step ?? -1, item: itemIndex(p), loop: p.loop, ended: p.ended }
}

function canvasWidth (): number {
  try {
    // Page padding is 28 design px on each side = 14 CSS px at 375 wide.
    const { windowWidth } = Taro.getSystemInfoSync()
    return Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, (windowWidth || 375) - 28))
  } catch {
    return 347
  }
}

export default function SignPlayer ({ items, id = 'sign-player', autoPlay = true, loop = false, letterHold, aspect = 1.05, compact = false, closeUp, onStep, onItem, onEnd }: Props) {
  const timeline = useMemo(() => (items.length ? compileTimeline(items, letterHold ? { letterHold } : {}) : null), [items, letterHold])
  // The movement path and the framing that follows the hands up and down (computed once per
  // sequence), and the view the sequence is best watched in.
  const trail = useMemo(() => (timeline ? computeTrail(timeline) : null), [timeline])
  const advice = useMemo(() => viewAdvice(items), [items])
  const [prefs, setPrefs] = useState<PlayerPrefs>(() => (closeUp === undefined ? loadPrefs() : { ...loadPrefs(), closeUp }))
  // The close-up offered for a sign whose meaning is in the fingers, taken for this sequence only.
  const [offerTaken, setOfferTaken] = useState(false)
  const [offerFor, setOfferFor] = useState(items)
  if (offerFor !== items) { setOfferFor(items); setOfferTaken(false) }
  // What is shown: the viewer's choice, else the sign's own view; a forced or offered close-up.
  const view: CameraView = prefs.view === 'auto' ? advice.view : prefs.view
  const closeUpOn = closeUp ?? (prefs.closeUp || offerTaken)
  const [failed, setFailed] = useState(false)
  // Starts at the page width, then shrinks to the box it is actually in (a card, a quiz).
  const [width, setWidth] = useState(canvasWidth)
  const height = Math.round(width * aspect)
  useEffect(() => {
    const fit = (w: number) => { if (w >= MIN_WIDTH && w < width) setWidth(Math.floor(w)) }
    if (process.env.TARO_ENV === 'h5') {
      const el = typeof document !== 'undefined' ? document.getElementById(`${id}-box`) : null
      if (el) fit(el.getBoundingClientRect().width)
      return
    }
    try {
      Taro.createSelectorQuery().select(`#${id}-box`).boundingClientRect((r: any) => fit(r?.width ?? 0)).exec()
    } catch { /* no layout information (simulators): keep the page width */ }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- measured once per player box; a narrower box only shrinks it
  }, [id])

  const handle = useRef<CanvasHandle | null>(null)
  const frame = useRef(0)
  const running = useRef(false)
  const visible = useRef(true)
  const pageShown = useRef(true)
  const lastT = useRef(0)
  const lastUi = useRef(0)
  // Preallocated once per player: the per-frame path allocates nothing.
  const engine = useMemo(() => ({ pose: createPose(), cam: createCamera(), list: createDrawList() }), [])
  // The avatar follows the system theme: the palette is chosen here and read by each frame.
  const theme = useTheme()
  const palette = useRef(PALETTES[theme])
  palette.current = PALETTES[theme]
  const trailNow = useRef<Trail | null>(null)
  trailNow.current = trail
  const trailShown = useRef<Trail | null>(null)
  trailShown.current = prefs.trail ? trail : null
  const camNow = useRef({ view, mirror: prefs.mirror, closeUp: closeUpOn })
  camNow.current = { view, mirror: prefs.mirror, closeUp: closeUpOn }
  const cb = useRef({ onStep, onItem, onEnd })
  cb.current = { onStep, onItem, onEnd }
  // The speed and loop a new sequence starts with: the viewer's current choice.
  const carry = useRef({ speed: prefs.speed, loop })

  // A new sequence gets its player in the same render, and the controls below show that player's
  // state in the same commit: a phase label or play button left over from the previous sign never
  // stands beside the new picture (the browser test of 指语 once read such a stale 结束 label).
  const playerNow = useMemo(() => {
    if (!timeline) return null
    const p = createPlayer(timeline, carry.current)
    if (autoPlay) play(p)
    return p
    // eslint-disable-next-line react-hooks/exhaustive-deps -- autoPlay applies when a sequence starts, not when it changes later
  }, [timeline])
  // Handlers and the frame loop use the committed player (set below, before the first draw).
  const player = useRef<Player | null>(null)
  const [ui, setUi] = useState(() => uiOf(playerNow, loop))
  const [uiFor, setUiFor] = useState(playerNow)
  if (uiFor !== playerNow) {
    // React's "adjust state while rendering": re-renders at once, before anything is committed.
    setUiFor(playerNow)
    setUi(uiOf(playerNow, loop))
  }

  const syncUi = (p: Player, force = false) => {
    const now = Date.now()
    const next = uiOf(p, loop)
    carry.current.loop = p.loop
    setUi(prev => {
      const changed = force || prev.playing !== next.playing || prev.step !== next.step || prev.item !== next.item || prev.ended !== next.ended || prev.loop !== next.loop || prev.phase !== next.phase
      if (!changed && now - lastUi.current < UI_REFRESH_MS) return prev
      lastUi.current = now
      return next
    })
  }

  const draw = () => {
    const p = player.current
    const h = handle.current
    if (!p || !h) return
    samplePlayerPose(p, engine.pose)
    // The full view follows the sign down to the waist or up over the head, then back (issue 11).
    if (trailNow.current) aimFull(engine.cam, trailNow.current, p)
    buildDrawList(engine.pose, engine.cam, engine.list, trailShown.current)
    h.ctx.setTransform(h.dpr, 0, 0, h.dpr, 0, 0)
    renderDrawList(h.ctx, engine.list, palette.current)
  }

  const loopFrame = () => {
    const p = player.current
    const h = handle.current
    if (!p || !h || !running.current) return
    const now = Date.now()
    tick(p, Math.min(100, now - lastT.current)) // a long pause (tab switch) is not a jump
    lastT.current = now
    draw()
    syncUi(p)
    if (p.playing && visible.current && pageShown.current) frame.current = h.raf(loopFrame)
    else running.current = false
  }

  const kick = () => {
    const h = handle.current
    if (!h || running.current || !visible.current || !pageShown.current) return
    running.current = true
    lastT.current = Date.now()
    frame.current = h.raf(loopFrame)
  }

  const stop = () => {
    if (running.current && handle.current) handle.current.cancel(frame.current)
    running.current = false
  }

  // The new sequence's first frame is drawn before the browser paints the commit that shows its
  // controls, then it plays.
  useLayoutEffect(() => {
    player.current = playerNow
    if (!playerNow) return
    if (handle.current) { draw(); kick() }
    return stop
    // eslint-disable-next-line react-hooks/exhaustive-deps -- draw/kick/stop read refs only
  }, [playerNow])

  useEffect(() => {
    let alive = true
    acquireCanvas(id, width, height).then(h => {
      if (!alive) return
      if (!h) { setFailed(true); return }
      handle.current = h
      setCamera(engine.cam, { ...camNow.current, width, height })
      draw()
      kick()
    })
    const unobserve = observeInView(id, v => { visible.current = v; if (v) kick(); else stop() })
    return () => { alive = false; stop(); unobserve() }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a new canvas only for a new id or size; the rest is read from refs and the camera
  }, [id, width, height])

  // A paused picture is repainted in the new theme's colours at once (a playing one at its next frame).
  useEffect(() => { draw() }, [theme]) // eslint-disable-line react-hooks/exhaustive-deps -- draw reads refs only
  // A new view, mirror, close-up or trail (the viewer's, or a new sign's own view) is drawn at once.
  useEffect(() => {
    setCamera(engine.cam, { view, mirror: prefs.mirror, closeUp: closeUpOn, width, height })
    draw()
    // eslint-disable-next-line react-hooks/exhaustive-deps -- draw reads refs only
  }, [view, prefs.mirror, closeUpOn, prefs.trail, width, height])

  // Parents hear about the step / item being signed after React commits, never during a render.
  useEffect(() => { cb.current.onStep?.(ui.step) }, [ui.step])
  useEffect(() => { cb.current.onItem?.(ui.item) }, [ui.item])
  useEffect(() => { if (ui.ended) cb.current.onEnd?.() }, [ui.ended])

  useDidHide(() => { pageShown.current = false; stop() })
  useDidShow(() => { pageShown.current = true; if (player.current?.playing) kick() })

  const update = (next: Partial<PlayerPrefs>) => {
    const merged = { ...prefs, ...next }
    setPrefs(merged)
    // A close-up forced by the embedding page (handshape previews) is not the viewer's choice:
    // keep their saved close-up setting unless they toggled it here.
    savePrefs(closeUp !== undefined && next.closeUp === undefined ? { ...merged, closeUp: loadPrefs().closeUp } : merged)
    if (next.closeUp !== undefined) setOfferTaken(false)
    carry.current.speed = merged.speed
    if (player.current) { setSpeed(player.current, merged.speed); syncUi(player.current, true) }
  }

  const act = (fn: (p: Player) => void) => {
    const p = player.current
    if (!p) return
    fn(p)
    draw()
    syncUi(p, true)
    if (p.playing) kick()
  }

  if (!timeline) return <View className='player player-empty notice notice-warn'>这个手语暂时无法播放。</View>

  return (
    <View id={`${id}-box`} className={`player${compact ? ' player-compact' : ''}`}>
      <View className='player-stage' data-theme={theme} style={{ width: `${width}px`, height: `${height}px` }}>
        <Canvas id={id} type='2d' className='player-canvas' style={{ width: `${width}px`, height: `${height}px` }} />
        {prefs.mirror && <Text className='player-mirror-note'>镜像（左手视角）</Text>}
        {failed && <View className='notice notice-error'>画布无法初始化，请返回后重新打开。</View>}
      </View>
      <View className='player-phase' aria-live='polite'>
        <Text className='player-phase-label'>{ui.phase || ' '}</Text>
        {timeline.items.length > 1 && ui.item >= 0 && <Text className='player-item-label'> · {timeline.items[ui.item]?.label}</Text>}
      </View>
      <Slider className='player-scrub' min={0} max={1000} step={1} value={Math.round(ui.frac * 1000)} blockSize={28} activeColor={SCRUB_COLOR[theme]}
        aria-label='播放进度' onChanging={e => act(p => { pause(p); scrub(p, e.detail.value / 1000) })} onChange={e => act(p => scrub(p, e.detail.value / 1000))} />
      <View className='player-controls'>
        <Button className='btn btn-small player-prev' aria-label='上一步' onClick={() => act(p => stepPhase(p, -1))}>上一步</Button>
        <Button className='btn btn-primary player-toggle' aria-label={ui.playing ? '暂停' : '播放'}
          onClick={() => act(p => { if (p.playing) pause(p); else play(p) })}>{ui.playing ? '暂停' : ui.ended ? '重播' : '播放'}</Button>
        <Button className='btn btn-small player-next' aria-label='下一步' onClick={() => act(p => stepPhase(p, 1))}>下一步</Button>
        <Button className={`btn btn-small player-loop${ui.loop ? ' btn-on' : ''}`} aria-label={ui.loop ? '关闭循环' : '循环播放'} aria-pressed={ui.loop}
          onClick={() => act(p => setLoop(p, !p.loop))}>循环</Button>
      </View>
      <View className='player-speeds' role='radiogroup' aria-label='播放速度'>
        {SPEEDS.map(s => (
          <View key={s} className={`chip player-speed${prefs.speed === s ? ' chip-active' : ''}`} role='radio' aria-checked={prefs.speed === s}
            aria-label={`${s} 倍速`} onClick={() => update({ speed: s })}>{s}×</View>
        ))}
      </View>
      {!compact && (
        <View className='player-views'>
          {VIEWS.map(([v, label]) => (
            <View key={v} className={`chip player-view${view === v ? ' chip-active' : ''}`} role='radio' aria-checked={view === v}
              aria-label={`视角 ${label}`} onClick={() => update({ view: v })}>{label}</View>
          ))}
          <View className={`chip player-view-auto${prefs.view === 'auto' ? ' chip-active' : ''}`} role='switch' aria-checked={prefs.view === 'auto'}
            aria-label='自动视角：每个手语用最能看清动作的角度' onClick={() => update({ view: 'auto' })}>自动</View>
          <View className={`chip player-mirror${prefs.mirror ? ' chip-active' : ''}`} role='switch' aria-checked={prefs.mirror}
            aria-label='镜像（左手）' onClick={() => update({ mirror: !prefs.mirror })}>镜像</View>
          <View className={`chip player-closeup${closeUpOn ? ' chip-active' : ''}`} role='switch' aria-checked={closeUpOn}
            aria-label='手部特写' onClick={() => update({ closeUp: !closeUpOn })}>手部特写</View>
          <View className={`chip player-trail${prefs.trail ? ' chip-active' : ''}`} role='switch' aria-checked={prefs.trail}
            aria-label='显示动作轨迹' onClick={() => update({ trail: !prefs.trail })}>轨迹</View>
        </View>
      )}
      {advice.closeUp && !closeUpOn && (
        <View className='chip player-closeup-offer' role='button'
          onClick={() => setOfferTaken(true)}>手指动作细微 · 看手部特写</View>
      )}
    </View>
  )
}
