// Not a test file: shared fixtures (jest only runs *.test.ts).
/** Small in-memory dictionary sources for the data tests (never the real src/data). */
import type { SourceText } from '../../../src/core/sign/validate'

export const CATS: SourceText = { file: 'cats.txt', text: '# 分类\ngreetings 问候\npronouns 代词\nletters 手指字母\n' }

export const BASE_DOM = 'dom: 1 f:f p:d @neutral ; line(f,s)'

/**
 * The lines of a valid entry, a transcribed national sign: [id] word on the first line, then pos,
 * type, dom, nat, source, status (lines +1 … +6), then `extra`. Keys in `omit` are left out.
 */
export function entry (id: string, word: string, extra: string[] = [], omit: string[] = []): string[] {
  const base = [`[${id}] ${word}`, 'pos: 代', 'type: 词汇', BASE_DOM, 'nat: 1',
    'source: 《国家通用手语词典》第1册「测试」', 'status: transcribed']
  return [base[0], ...base.slice(1).filter(l => !omit.includes(l.slice(0, l.indexOf(':')))), ...extra]
}

/** A compound the project made from its parts (自拟), with `extra` lines after status. */
export function compound (id: string, word: string, parts: string, extra: string[] = []): string[] {
  return [`[${id}] ${word}`, 'pos: 短语', 'type: 词汇', `compound: ${parts}`, 'origin: project 测试用例', 'source: 由各部分组合。', 'status: draft', ...extra]
}

/** A source file: the version line, then the entries (the first entry's [id] is on line 2). */
export function file (...entries: string[][]): string {
  return ['notation: 2', ...entries.map(e => e.join('\n'))].join('\n') + '\n'
}
