import { useEffect, useMemo, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Input, Text, View } from '@tarojs/components'
import {
  LearnError, deckEntries, isCorrect, isWordEntry, makeSignToWordQuiz, makeSpellingQuiz, makeWordToSignQuiz, parseCardId,
  recordQuiz, scoreQuiz, seededRng, shuffled, spellingCandidates, starterDeck,
  type Answer, type ChoiceQuestion, type ProgressState, type Question, type QuizKind, type SpellingQuestion
} from '../../core/learn'
import { fingerspell } from '../../core/translate'
import { LEARNER_LETTER_HOLD_S, letterItems, type TimelineItem } from '../../core/avatar'
import { getHeader, headers } from '../../services/dictionary'
import { resolveForPlayer } from '../../services/signs'
import { progress, update } from '../../services/learning'
import SignPlayer from '../../components/SignPlayer'
import './index.css'

/** Questions per quiz. */
export const QUIZ_LENGTH = 10

/** The `kind` URL parameter → the recorded quiz kind and the page title. */
const KINDS: Readonly<Record<string, { kind: QuizKind, title: string } | undefined>> = Object.freeze({
  sign2word: { kind: 's2w', title: '看手语选词' },
  word2sign: { kind: 'w2s', title: '看词选手语' },
  spell: { kind: 'spell', title: '指语拼写' }
})

const OPTION_NAMES = ['选项一', '选项二', '选项三', '选项四', '选项五', '选项六']

type Built = { ok: true, questions: Question[] } | { ok: false, message: string }

/**
 * The quiz's questions. Words come first from what the learner studies (started cards and the
 * current deck), then from 入门 100, so a beginner still gets a full quiz. `seed` is the only
 * source of randomness.
 */
function buildQuiz (kind: QuizKind, state: ProgressState, seed: number): Built {
  const all = headers()
  const rng = seededRng(seed)
  const spellable = kind === 'spell' ? new Set(spellingCandidates(all)) : null
  const usable = (id: string): boolean => {
    const h = getHeader(id)
    return h !== undefined && isWordEntry(h) && (spellable === null || spellable.has(id))
  }
  const studied = new Set<string>()
  for (const c of Object.keys(state.cards)) { const p = parseCardId(c); if (p) studied.add(p.entryId) }
  for (const id of deckEntries(state.settings.deck, all, state)) studied.add(id)
  const own = shuffled([...studied].filter(usable), rng)
  const extra = shuffled(starterDeck(all).filter(id => usable(id) && !studied.has(id)), rng)
  const extraPool = spellable ? shuffled([...spellable].filter(id => !studied.has(id)), rng) : []
  const picked = [...own, ...extra, ...extraPool].slice(0, QUIZ_LENGTH)
  const questions: Question[] = []
  for (const id of picked) {
    try {
      questions.push(kind === 'spell' ? makeSpellingQuiz(id, all)
        : kind === 's2w' ? makeSignToWordQuiz(id, all, rng) : makeWordToSignQuiz(id, all, rng))
    } catch (e) {
      // A word that cannot make a fair question (too few distractors) is skipped, not shown broken.
      if (!(e instanceof LearnError)) throw e
    }
  }
  if (questions.length === 0) return { ok: false, message: '词典里可用的手语太少，暂时无法出题。' }
  return { ok: true, questions }
}

function signItems (entryId: string): { items: TimelineItem[], error: string | null } {
  const r = resolveForPlayer(entryId)
  if (!r.ok) return { items: [], error: r.message }
  return { items: r.items.map(x => ({ sign: x.sign, label: x.label, steps: x.steps })), error: null }
}

function spellItems (q: SpellingQuestion): { items: TimelineItem[], error: string | null } {
  const h = getHeader(q.answerId)
  const f = fingerspell(h ? h.pinyinPlain : q.letters.join(''))
  if (!f.ok) return { items: [], error: f.message }
  const r = letterItems(f.letters)
  return r.ok ? { items: r.items, error: null } : { items: [], error: r.message }
}

function wordOf (id: string): string {
  return getHeader(id)?.word ?? id
}

/** The right answer in words, for the feedback line. */
function rightAnswer (q: Question): string {
  if (q.kind === 'spell') return `${q.pinyin}（${wordOf(q.answerId)}）`
  if (q.kind === 's2w') return q.words[q.correctIndex]
  return `${OPTION_NAMES[q.correctIndex]}`
}

export default function QuizPage () {
  const [param] = useState(() => String(Taro.getCurrentInstance()?.router?.params?.kind ?? ''))
  const conf = Object.prototype.hasOwnProperty.call(KINDS, param) ? KINDS[param] : undefined
  // The seed is the time the quiz starts: a new quiz every time, reproducible from the seed.
  const [seed, setSeed] = useState(() => Date.now())
  const built = useMemo(() => (conf ? buildQuiz(conf.kind, progress(), seed) : null), [conf, seed])
  const [round, setRound] = useState<{ questions: Question[], review: boolean, n: number } | null>(null)
  const [pos, setPos] = useState(0)
  const [answers, setAnswers] = useState<Answer[]>([])
  const [selected, setSelected] = useState<number | null>(null)
  const [typed, setTyped] = useState('')
  const [inputError, setInputError] = useState<string | null>(null)
  const [current, setCurrent] = useState<Answer | null>(null)
  const recorded = useRef<number | null>(null)

  const questions = round?.questions ?? (built && built.ok ? built.questions : [])
  const review = round?.review ?? false
  const roundNo = round?.n ?? 0
  const q = questions[pos] as Question | undefined

  // Which clip plays: s2w the answer; w2s the option last tapped; spell the letters.
  const clip = useMemo(() => {
    if (!q) return null
    if (q.kind === 'spell') return spellItems(q)
    if (q.kind === 's2w') return signItems(q.answerId)
    return selected === null ? null : signItems(q.options[selected])
  }, [q, selected])

  const finished = questions.length > 0 && pos >= questions.length
  const score = useMemo(() => (finished ? scoreQuiz(answers) : null), [finished, answers])

  useEffect(() => {
    // Recorded once per quiz (not for a 重看错题 round, which would inflate the accuracy).
    if (!finished || !score || review || !conf || recorded.current === seed) return
    recorded.current = seed
    try {
      update(s => recordQuiz(s, { at: Date.now(), kind: conf.kind, total: score.total, correct: score.correct }))
    } catch {
      // A score that cannot be stored must not take the result screen down; it is shown anyway.
    }
  }, [finished, score, review, conf, seed])

  if (!conf) {
    return (
      <View className='page page-quiz'>
        <View className='notice notice-error quiz-bad-kind'>不认识的测验类型（{param || '未指定'}）。请从“学习”页选择一种测验。</View>
        <Button className='btn' onClick={() => Taro.switchTab({ url: '/pages/learn/index' })}>去学习页</Button>
      </View>
    )
  }
  if (built && !built.ok) {
    return (
      <View className='page page-quiz'>
        <View className='notice notice-error quiz-no-questions'>{built.message}</View>
      </View>
    )
  }

  const answer = (given: number | string) => {
    if (!q || current) return
    const a: Answer = { question: q, given }
    setCurrent(a)
    setAnswers(list => [...list, a])
  }

  const submitSpelling = () => {
    if (!typed.trim()) { setInputError('请先输入拼音，例如 xuexi。'); return }
    setInputError(null)
    answer(typed)
  }

  const next = () => {
    setCurrent(null)
    setSelected(null)
    setTyped('')
    setInputError(null)
    setPos(p => p + 1)
  }

  const startRound = (qs: Question[], isReview: boolean) => {
    setRound({ questions: qs, review: isReview, n: roundNo + 1 })
    setPos(0)
    setAnswers([])
    setCurrent(null)
    setSelected(null)
    setTyped('')
  }

  const newQuiz = () => {
    setRound(null)
    setSeed(s => Math.max(Date.now(), s + 1)) // a new seed even within the same millisecond
    setPos(0)
    setAnswers([])
    setCurrent(null)
    setSelected(null)
    setTyped('')
  }

  if (finished && score) {
    return (
      <View className='page page-quiz'>
        <Text className='page-title'>{review ? '错题重练完成' : `${conf.title} · 完成`}</Text>
        <View className='card quiz-score' aria-label={`答对 ${score.correct} 题，共 ${score.total} 题`}>
          <View className='score-line'>答对 <Text className='score-num'>{score.correct}</Text> / {score.total} 题</View>
          <View className='muted score-percent'>正确率 {score.percent}%{review ? '（重练不计入统计）' : ''}</View>
        </View>
        {score.mistakes.length > 0
          ? (
            <View className='quiz-mistakes'>
              <Text className='section-title'>答错的题</Text>
              <View>{score.mistakes.map((m, i) => <View key={i} className='chip mistake-item'>{wordOf(m.answerId)}</View>)}</View>
            </View>
            )
          : <View className='notice notice-info quiz-perfect'>全部答对，真棒！</View>}
        <View className='btn-row'>
          {score.mistakes.length > 0 && <Button className='btn btn-primary quiz-replay' onClick={() => startRound(score.mistakes, true)}>重看错题（{score.mistakes.length}）</Button>}
          <Button className='btn quiz-new' onClick={newQuiz}>再来一次</Button>
          <Button className='btn quiz-back' onClick={() => { Taro.navigateBack().catch(() => Taro.switchTab({ url: '/pages/learn/index' })) }}>返回</Button>
        </View>
      </View>
    )
  }
  if (!q) return <View className='page page-quiz' />

  const right = current ? isCorrect(current) : false
  const choice = q.kind === 'spell' ? null : q as ChoiceQuestion

  return (
    <View className='page page-quiz'>
      <View className='quiz-head'>
        <Text className='quiz-title'>{review ? '重看错题' : conf.title}</Text>
        <Text className='quiz-counter' aria-label={`第 ${pos + 1} 题，共 ${questions.length} 题`}>{pos + 1} / {questions.length}</Text>
      </View>

      {q.kind === 'w2s' && (
        <View className='quiz-prompt'>
          <Text className='quiz-word'>{wordOf(q.answerId)}</Text>
          <View className='muted'>哪一个是“{wordOf(q.answerId)}”的手语？点选项观看，再点“确定”。</View>
        </View>
      )}
      {q.kind === 's2w' && <View className='muted quiz-ask'>这个手语是什么意思？</View>}
      {q.kind === 'spell' && <View className='muted quiz-ask'>看手指字母，输入拼出的拼音（共 {q.letters.length} 个字母，声调可不写）。</View>}

      {clip && clip.error && <View className='notice notice-error quiz-play-error'>暂时无法播放：{clip.error}</View>}
      {clip && clip.items.length > 0 && (
        <SignPlayer key={`${roundNo}-${pos}-${selected ?? ''}`} id='quiz-player' items={clip.items} autoPlay loop={false} compact
          letterHold={q.kind === 'spell' ? LEARNER_LETTER_HOLD_S : undefined} />
      )}
      {q.kind === 'w2s' && selected === null && <View className='card muted quiz-pick-hint'>先点一个选项，这里会播放它的手语。</View>}

      {choice && (
        <View className='quiz-options' aria-label='选项'>
          {choice.options.map((optId, i) => {
            const isRight = i === choice.correctIndex
            const cls = current ? (isRight ? ' option-correct' : current.given === i ? ' option-wrong' : '') : (selected === i ? ' option-selected' : '')
            // s2w shows the words; w2s hides them until answered (the clip is the option).
            const label = choice.kind === 's2w' ? choice.words[i] : current ? `${OPTION_NAMES[i]}：${choice.words[i]}` : OPTION_NAMES[i]
            return (
              <Button key={optId} className={`btn quiz-option${cls}`} aria-pressed={selected === i || current?.given === i}
                aria-label={choice.kind === 'w2s' && !current ? `${OPTION_NAMES[i]}，播放这个手语` : label}
                onClick={() => {
                  if (choice.kind === 's2w') { if (!current) { setSelected(i); answer(i) } } else setSelected(i)
                }}>{label}</Button>
            )
          })}
        </View>
      )}
      {choice && choice.kind === 'w2s' && !current && (
        <Button className='btn btn-primary quiz-confirm' disabled={selected === null} onClick={() => { if (selected !== null) answer(selected) }}>确定</Button>
      )}

      {q.kind === 'spell' && (
        <View className='quiz-spell'>
          <View className='input-box'>
            <Input className='spell-answer' type='text' value={typed} maxlength={40} placeholder='输入拼音，如 xuexi' aria-label='输入拼音'
              disabled={current !== null} onInput={e => setTyped(e.detail.value)} onConfirm={submitSpelling} />
          </View>
          {!current && <Button className='btn btn-primary quiz-submit' onClick={submitSpelling}>提交</Button>}
          {inputError && <View className='notice notice-error quiz-input-error' role='alert'>{inputError}</View>}
        </View>
      )}

      {current && (
        <View className={`notice ${right ? 'notice-info quiz-right' : 'notice-error quiz-wrong'} quiz-feedback`} role='status' aria-live='polite'>
          {right ? '✓ 答对了！' : `✗ 答错了。正确答案：${rightAnswer(q)}`}
          {q.kind !== 'spell' && right ? `（${wordOf(q.answerId)}）` : ''}
        </View>
      )}
      {current && <Button className='btn btn-primary quiz-next' onClick={next}>{pos + 1 < questions.length ? '下一题' : '看成绩'}</Button>}
    </View>
  )
}
