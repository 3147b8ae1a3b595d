/** The model prompt's few-shot pairs come from the tuning part of the labelled set, never the held-out part; the prompt lists the national synonyms (shares) of each candidate. */
import { buildMessages, PROMPT_EXAMPLES } from '../../../src/core/translate/prompt'
import { buildVocabulary } from '../../../src/core/translate/vocabulary'
import { jiebaSegmenter } from '../../../cloudfunctions/_shared/segmenter'
import tuning from '../../fixtures/translate/tuning.json'
import heldout from '../../fixtures/translate/heldout.json'

describe('prompt examples', () => {
  it('are 8–12 pairs of the tuning part, with its glosses, and none of the held-out part', () => {
    expect(PROMPT_EXAMPLES.length).toBeGreaterThanOrEqual(8)
    expect(PROMPT_EXAMPLES.length).toBeLessThanOrEqual(12)
    const tune = new Map(tuning.pairs.map(p => [p.text, p.glosses.join(' ')]))
    const held = new Set(heldout.pairs.map(p => p.text))
    for (const [text, glosses] of PROMPT_EXAMPLES) {
      expect(held.has(text)).toBe(false)
      expect(tune.get(text)).toBe(glosses.replace(/\?$/, '').replace('（指拼）', ''))
    }
  })

  it('the prompt carries the examples and, per candidate, its shares (national synonyms)', () => {
    const vocab = buildVocabulary({
      dataVersion: 't',
      entries: [
        { id: 'xiexie', word: '谢谢', pos: '动', category: 'greetings', shares: ['感谢', '致谢'], notation: {} },
        { id: 'laoshi', word: '老师', pos: '名', category: 'people', shares: [], notation: {} }
      ]
    })
    const { messages } = buildMessages('感谢老师', 'standard', vocab, jiebaSegmenter())
    expect(messages[0].content).toContain('我没有吃饭 → 我 吃饭 没有')
    expect(messages[1].content).toContain('xiexie=谢谢（动；同：感谢、致谢）')
    expect(messages[1].content).toContain('laoshi=老师（名）')
  })
})
