/**
 * The copy check of issue 12: a text shares wording with the national descriptions when, with
 * punctuation, symbols and spaces removed, it has a run of 10 or more consecutive characters that
 * also occurs in a description. Used by draft.ts before it writes, and by
 * test/unit/transcribe/no-copy.test.ts over every string the app shows.
 */

/** The minimum shared run that counts as copying (issue 12). */
export const COPY_RUN = 10

/** Letters, digits and CJK only: punctuation, symbols and spaces are ignored. */
export function normaliseForCopy (s: string): string {
  return s.replace(/[\s\p{P}\p{S}]/gu, '')
}

/** Every run of `n` characters of the normalised descriptions. */
export function runIndex (texts: Iterable<string>, n = COPY_RUN): Set<string> {
  const set = new Set<string>()
  for (const t of texts) {
    const a = [...normaliseForCopy(t)]
    for (let i = 0; i + n <= a.length; i++) set.add(a.slice(i, i + n).join(''))
  }
  return set
}

/** The first run of `n` characters of `text` that is in the index, or null. */
export function findRun (text: string, index: ReadonlySet<string>, n = COPY_RUN): string | null {
  const a = [...normaliseForCopy(text)]
  for (let i = 0; i + n <= a.length; i++) {
    const k = a.slice(i, i + n).join('')
    if (index.has(k)) return k
  }
  return null
}

/** The first run of `n` characters `a` shares with `b`, or null. */
export function sharedRun (a: string, b: string, n = COPY_RUN): string | null {
  return findRun(a, runIndex([b], n), n)
}
