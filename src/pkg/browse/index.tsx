/**
 * Browse: by category (grid → words), by handshape (chart → one preview player + the words that
 * start with it) and by body location (regions → sites → words). `?by=category|handshape|site
 * [&id=…]`; tabs switch in local state so each tab keeps its open item. Decisions: the chart is
 * buttons, not 68 canvases (one player previews the chosen shape); "uses a handshape / site" means
 * the dominant hand's start handshape / site (EntryHeader); long lists render 60 rows at a time.
 */
import { useMemo, useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Image, Text, View } from '@tarojs/components'
import { type EntryHeader, REGION_NAMES, getHandshape, getSite, handshapeChart, headersBy, sitesByRegion } from '../../core/sign'
import { handshapeImage } from '../../services/handshape-image'
import { LEARNER_LETTER_HOLD_S, letterItem, letterLabel } from '../../core/avatar'
import { categories, categoryName, headers, headersInCategory } from '../../services/dictionary'
import SignPlayer from '../../components/SignPlayer'
import HandshapeCard from '../../components/HandshapeCard'
import StatusBadge from '../../components/StatusBadge'
import './index.css'

type By = 'category' | 'handshape' | 'site'

const TABS: Array<[By, string]> = [['category', '分类'], ['handshape', '手形'], ['site', '位置']]
const CIRCLED = '①②③④⑤⑥⑦⑧⑨'
const PARAM_MAX = 40
/** Rows rendered at first and per “more” tap: a 280-word list at once is slow to lay out on weapp. */
const PAGE_ROWS = 60

function param (raw: string | undefined): string {
  if (!raw) return ''
  try { return decodeURIComponent(raw).slice(0, PARAM_MAX) } catch { return raw.slice(0, PARAM_MAX) }
}

function openSign (id: string): void {
  Taro.navigateTo({ url: `/pkg/sign/index?id=${encodeURIComponent(id)}` })
}

/** Is `id` something the tab can open? (A stale or mistyped link must not show an empty page.) */
function exists (by: By, id: string): boolean {
  if (by === 'category') return categories().some(c => c.id === id)
  if (by === 'handshape') return getHandshape(id) !== undefined
  return getSite(id) !== undefined
}

function WordList ({ items, showCategory, empty }: { items: readonly EntryHeader[]; showCategory: boolean; empty: string }) {
  const [shown, setShown] = useState(PAGE_ROWS)
  if (items.length === 0) return <View className='notice notice-info word-empty'>{empty}</View>
  const rest = items.length - shown
  return (
    <View>
      <View className='word-list' aria-label={`${items.length} 个手语`}>
        {items.slice(0, shown).map(h => (
          <View key={h.id} className='word-row' role='button' onClick={() => openSign(h.id)}>
            <View className='word-main'>
              <Text className='word-word'>{h.word}</Text>
              {h.variant ? <Text className='muted'> {CIRCLED[h.variant - 1] ?? h.variant}</Text> : null}
              {h.status !== 'reviewed' ? <StatusBadge status={h.status} project={h.project} /> : null}
            </View>
            <View className='word-sub'>{h.pinyin}{showCategory ? ` · ${categoryName(h.category)}` : ''}</View>
          </View>
        ))}
      </View>
      {rest > 0 && (
        <Button className='btn word-more' onClick={() => setShown(shown + PAGE_ROWS)}>
          再显示 {Math.min(rest, PAGE_ROWS)} 个（还有 {rest} 个）
        </Button>
      )}
    </View>
  )
}

function BackButton ({ label, onClick }: { label: string; onClick: () => void }) {
  return <Button className='btn btn-small browse-back' aria-label={`返回${label}`} onClick={onClick}>← {label}</Button>
}

export default function BrowsePage () {
  // Read once, as useRouter() does: `?by=category|handshape|site[&id=…]`.
  const [init] = useState(() => {
    const p = Taro.getCurrentInstance()?.router?.params ?? {}
    const rawBy = param(p.by)
    const by: By = rawBy === 'handshape' || rawBy === 'site' ? rawBy : 'category'
    const id = param(p.id)
    const ok = id !== '' && exists(by, id)
    return { by, id: ok ? id : null, missing: id !== '' && !ok ? id : null }
  })
  const [by, setBy] = useState<By>(init.by)
  // One open item per tab, so switching tabs and back keeps the user's place.
  const [open, setOpen] = useState<Record<By, string | null>>({ category: null, handshape: null, site: null, [init.by]: init.id })
  const [missing, setMissing] = useState<string | null>(init.missing)

  const all = headers()
  const groups = useMemo(() => ({
    category: headersBy(all, 'category'),
    handshape: headersBy(all, 'handshape'),
    site: headersBy(all, 'site')
  }), [all])
  const cats = useMemo(() => categories().slice().sort((a, b) => a.order - b.order), [])
  const chart = useMemo(handshapeChart, [])
  const regions = useMemo(() => sitesByRegion(), [])

  const current = open[by]
  const choose = (id: string | null) => { setOpen({ ...open, [by]: id }); setMissing(null) }
  const switchTab = (b: By) => { setBy(b); setMissing(null) }
  const countOf = (key: By, id: string) => groups[key].get(id)?.length ?? 0

  const previewItems = useMemo(() => {
    const id = open.handshape
    const item = id ? letterItem(id) : null
    return item ? [item] : []
  }, [open.handshape])

  return (
    <View className='page page-browse'>
      <Text className='page-title'>浏览手语</Text>
      <View className='browse-tabs' role='tablist'>
        {TABS.map(([b, label]) => (
          <View key={b} className={`browse-tab browse-tab-${b}${by === b ? ' browse-tab-active' : ''}`} role='tab' aria-selected={by === b}
            aria-label={`按${label}浏览`} onClick={() => switchTab(b)}>{label}</View>
        ))}
      </View>

      {missing && (
        <View className='notice notice-error browse-missing' role='alert'>
          没有找到“{missing}”，它可能已改名。请从下面选择。
        </View>
      )}

      {by === 'category' && !current && (
        <View className='cat-grid'>
          {cats.map(c => (
            <View key={c.id} className='cat-btn' role='button' aria-label={`${c.name}，${countOf('category', c.id)} 个手语`} onClick={() => choose(c.id)}>
              <Text className='cat-name'>{c.name}</Text>
              <Text className='cat-count'>{countOf('category', c.id)} 个</Text>
            </View>
          ))}
          {cats.length === 0 && <View className='notice notice-info'>词典里还没有分类。</View>}
        </View>
      )}
      {by === 'category' && current && (
        <View className='browse-detail cat-detail'>
          <BackButton label='全部分类' onClick={() => choose(null)} />
          <View className='section-title detail-title'>{categoryName(current)}<Text className='muted'>（{countOf('category', current)} 个）</Text></View>
          {current === 'letters' && (
            <Button className='btn btn-primary open-fingerspell' onClick={() => Taro.navigateTo({ url: '/pkg/fingerspell/index' })}>打开指语字母表，练习拼写</Button>
          )}
          <WordList key={current} items={headersInCategory(current)} showCategory={false} empty='这个分类还没有收录手语。' />
        </View>
      )}

      {by === 'handshape' && !current && (
        <View className='shape-chart'>
          <View className='muted'>点一个手形，看它的样子和用它开始的手语。</View>
          {chart.map(g => (
            <View key={g.group} className={`shape-group shape-group-${g.group}`}>
              <Text className='section-title'>{g.zh}</Text>
              <View className='shape-grid'>
                {g.shapes.map(s => {
                  const n = countOf('handshape', s.id)
                  return (
                    <View key={s.id} className='shape-btn' role='button' onClick={() => choose(s.id)}>
                      <Image className='shape-img' src={handshapeImage(s.id)} mode='aspectFit' nativeProps={{ alt: '' }} />
                      <Text className={`shape-label${s.group === 'common' ? ' shape-label-name' : ''}`}>{s.group === 'common' ? s.zh : letterLabel(s.id)}</Text>
                      <Text className='shape-count'>{s.group === 'common' ? `${n} 个` : `${s.zh} · ${n}`}</Text>
                    </View>
                  )
                })}
              </View>
            </View>
          ))}
        </View>
      )}
      {by === 'handshape' && current && (
        <View className='browse-detail shape-detail'>
          <BackButton label='全部手形' onClick={() => choose(null)} />
          {previewItems.length > 0 && (
            <SignPlayer id='browse-handshape-player' items={previewItems} autoPlay loop compact letterHold={LEARNER_LETTER_HOLD_S} />
          )}
          <HandshapeCard id={current} />
          <Text className='section-title'>用这个手形开始的手语（{countOf('handshape', current)} 个）</Text>
          <WordList key={current} items={groups.handshape.get(current) ?? []} showCategory empty='词典里还没有用这个手形开始的手语。' />
        </View>
      )}

      {by === 'site' && !current && (
        <View className='site-chart'>
          {regions.map(r => (
            <View key={r.region} className={`site-region site-region-${r.region}`}>
              <Text className='section-title region-title'>{r.zh}</Text>
              <View className='site-grid'>
                {r.sites.map(s => {
                  const n = countOf('site', s.id)
                  return (
                    <View key={s.id} className='site-btn' role='button' aria-label={`${s.zh}，${n} 个手语`} onClick={() => choose(s.id)}>
                      <Text className='site-name'>{s.zh}</Text>
                      <Text className='site-count'>{n} 个</Text>
                    </View>
                  )
                })}
              </View>
            </View>
          ))}
        </View>
      )}
      {by === 'site' && current && (() => {
        const s = getSite(current)
        return (
          <View className='browse-detail site-detail'>
            <BackButton label='全部位置' onClick={() => choose(null)} />
            <View className='card site-card'>
              <View className='site-card-name'>{s?.zh ?? current}<Text className='muted'>（{s ? REGION_NAMES[s.region] : ''}）</Text></View>
              {s && <View className='site-card-desc'>{s.description}</View>}
            </View>
            <Text className='section-title'>在这里开始的手语（{countOf('site', current)} 个）</Text>
            <WordList key={current} items={groups.site.get(current) ?? []} showCategory empty='词典里还没有在这个位置开始的手语。' />
          </View>
        )
      })()}
    </View>
  )
}
