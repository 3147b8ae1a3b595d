/**
 * 指语: the finger alphabet (30 letters + ü/ê) and the number hands 0–10, each playable, and a box
 * that fingerspells any pinyin. Logic lives in core (fingerspell(), core/avatar/letters.ts).
 * Decisions: `?text=` (from search's “用指语拼出”) is spelled at once; without it letter A waits,
 * not autoplaying; a letter is held LEARNER_LETTER_HOLD_S; a bad input keeps the typed text and the
 * last good spelling on screen.
 */
import { useMemo, useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Input, Text, View } from '@tarojs/components'
import { fingerspell } from '../../core/translate'
import { DIACRITIC_LETTERS, FINGER_ALPHABET, NUMBER_HANDS } from '../../core/sign'
import { LEARNER_LETTER_HOLD_S, letterItem, letterItems, letterLabel, type TimelineItem } from '../../core/avatar'
import SignPlayer from '../../components/SignPlayer'
import HandshapeCard from '../../components/HandshapeCard'
import './index.css'

/** What the player shows: one letter / number hand, or a spelled word. */
type Shown =
  | { kind: 'one'; id: string }
  | { kind: 'spell'; text: string; letters: string[]; items: TimelineItem[] }

const INPUT_MAX = 60
const FIRST_LETTER = 'A'

function decodeParam (raw: string | undefined): string {
  if (!raw) return ''
  try { return decodeURIComponent(raw).slice(0, INPUT_MAX) } catch { return raw.slice(0, INPUT_MAX) }
}

/** Spells `text` into player items, or the Chinese reason it cannot. */
function spell (text: string): { ok: true; shown: Shown } | { ok: false; message: string } {
  const r = fingerspell(text)
  if (!r.ok) return r
  const items = letterItems(r.letters)
  if (!items.ok) return items
  return { ok: true, shown: { kind: 'spell', text: text.trim(), letters: r.letters, items: items.items } }
}

export default function FingerspellPage () {
  // Read once, as useRouter() does: the query only changes with a new page.
  const [initialText] = useState(() => decodeParam(Taro.getCurrentInstance()?.router?.params?.text))
  // Coming from search's “用指语拼出”, the word is spelled right away; otherwise letter A waits.
  const initial = useMemo(() => (initialText ? spell(initialText) : null), [initialText])
  const [text, setText] = useState(initialText)
  const [shown, setShown] = useState<Shown>(initial && initial.ok ? initial.shown : { kind: 'one', id: FIRST_LETTER })
  const [error, setError] = useState<string | null>(initial && !initial.ok ? initial.message : null)
  const [interacted, setInteracted] = useState(initial !== null && initial.ok)
  // The item the player is signing, as it reports it (it reports only changes, so never reset here).
  const [active, setActive] = useState(-1)

  const oneItems = useMemo(() => {
    if (shown.kind !== 'one') return []
    const item = letterItem(shown.id)
    return item ? [item] : []
  }, [shown])
  const items = shown.kind === 'spell' ? shown.items : oneItems

  // The player sits above the grids: bring it back into view, or the learner taps a letter low on
  // the page and sees nothing (the player also stops drawing while it is off screen).
  const showPlayer = () => {
    try {
      const r: any = Taro.pageScrollTo({ scrollTop: 0, duration: 200 })
      r?.catch?.(() => {})
    } catch { /* no page to scroll (tests): nothing to do */ }
  }

  const playOne = (id: string) => {
    setShown({ kind: 'one', id })
    setInteracted(true)
    showPlayer()
  }

  const submit = () => {
    const r = spell(text)
    if (!r.ok) { setError(r.message); return } // the typed text stays, so nothing is lost
    setError(null)
    setShown(r.shown)
    setInteracted(true)
    showPlayer()
  }


  const activeLetter = shown.kind === 'spell' ? shown.letters[active] : undefined

  return (
    <View className='page page-fingerspell'>
      <Text className='page-title'>指语</Text>

      <SignPlayer id='fingerspell-player' items={items} autoPlay={interacted} letterHold={LEARNER_LETTER_HOLD_S}
        onItem={setActive} />

      {shown.kind === 'one' && <HandshapeCard id={shown.id} />}
      {shown.kind === 'spell' && (
        <View className='card spelled' aria-label={`“${shown.text}”的指语字母`}>
          <View className='muted'>“{shown.text}”共 {shown.letters.length} 个字母</View>
          <View className='spelled-letters'>
            {shown.letters.map((id, i) => (
              <View key={i} className={`chip spelled-letter${i === active ? ' chip-active' : ''}`}
                aria-label={`第 ${i + 1} 个字母 ${letterLabel(id)}`} aria-current={i === active ? 'step' : undefined}
                onClick={() => playOne(id)}>{letterLabel(id)}</View>
            ))}
          </View>
          <View className='muted'>点一个字母可以单独看它的打法。</View>
        </View>
      )}
      {activeLetter && <HandshapeCard id={activeLetter} showSource={false} />}

      <Text className='section-title'>拼一个词</Text>
      <View className='input-box'>
        <Input className='spell-input' type='text' value={text} maxlength={INPUT_MAX} confirmType='done'
          placeholder='输入拼音，如 zhongguo' aria-label='要拼的拼音'
          onInput={e => { setText(e.detail.value); if (error) setError(null) }} onConfirm={submit} />
      </View>
      <View className='btn-row spell-actions'>
        <Button className='btn btn-primary spell-btn' aria-label='用指语拼出来' onClick={submit}>拼出来</Button>
      </View>
      {error && <View className='notice notice-error spell-error' role='alert'>{error}</View>}
      <View className='muted'>支持声调符号和数字（zhōng guó、zhong1guo2），ü 可写作 v。</View>

      <Text className='section-title'>字母（30 个）</Text>
      <View className='shape-grid letter-grid'>
        {FINGER_ALPHABET.map(h => (
          <View key={h.id} role='button' aria-label={`字母 ${h.id}`}
            className={`shape-btn letter-btn${shown.kind === 'one' && shown.id === h.id ? ' shape-btn-active' : ''}`}
            onClick={() => playOne(h.id)}>{h.id}</View>
        ))}
      </View>

      <Text className='section-title'>ü 和 ê</Text>
      <View className='shape-grid diacritic-grid'>
        {DIACRITIC_LETTERS.map(h => (
          <View key={h.id} role='button' aria-label={`字母 ${letterLabel(h.id)}`}
            className={`shape-btn diacritic-btn${shown.kind === 'one' && shown.id === h.id ? ' shape-btn-active' : ''}`}
            onClick={() => playOne(h.id)}>{letterLabel(h.id)}</View>
        ))}
      </View>

      <Text className='section-title'>数字（0–10）</Text>
      <View className='shape-grid number-grid'>
        {NUMBER_HANDS.map(h => (
          <View key={h.id} role='button' aria-label={`数字 ${h.id}`}
            className={`shape-btn number-btn${shown.kind === 'one' && shown.id === h.id ? ' shape-btn-active' : ''}`}
            onClick={() => playOne(h.id)}>{h.id}</View>
        ))}
      </View>
    </View>
  )
}
