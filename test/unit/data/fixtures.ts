// Not a test file: shared fixtures (jest only runs *.test.ts).
/** Small in-memory dictionary sources for the data tests (never the real src/data). */
import type { SourceText } from '../../../src/core/sign/validate'

export const CATS: SourceText = { file: 'cats.txt', text: '# 分类\ngreetings 问候\npronouns 代词\nletters 手指字母\n' }

export const BASE_DOM = 'dom: 1 f:f p:d @neutral ; line(f,s)'

/**
 * The lines of a valid entry: [id] word on the first line, then pos, type, dom, desc, source,
 * status (lines +1 … +6), then `extra`. Keys in `omit` are left out.
 */
export function entry (id: string, word: string, extra: string[] = [], omit: string[] = []): string[] {
  const base = [`[${id}] ${word}`, 'pos: 代', 'type: 词汇', BASE_DOM, 'desc: 右手伸食指，指尖朝前，向前移动一下。',
    'source: 测试用例，自拟。', 'status: draft']
  return [base[0], ...base.slice(1).filter(l => !omit.includes(l.slice(0, l.indexOf(':')))), ...extra]
}

export function file (...entries: string[][]): string {
  return entries.map(e => e.join('\n')).join('\n') + '\n'
}
