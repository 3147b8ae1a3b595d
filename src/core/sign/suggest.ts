/**
 * "Did you mean" for notation names: the nearest valid name to a typo. Used for handshapes,
 * sites, movements, directions and face values, so an editor sees 'chin' when writing 'chn'.
 */

/** Largest edit distance still offered as a suggestion (the issue asks for ≤ 2). */
export const MAX_SUGGEST_DISTANCE = 2
/** Tokens longer than this are not compared: no name is that long, and it bounds the work. */
const MAX_COMPARE_LENGTH = 40

/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transposition), giving up once
 * the distance must exceed `max` (returns max + 1 then).
 */
export function editDistance (a: string, b: string, max = MAX_SUGGEST_DISTANCE): number {
  if (a === b) return 0
  if (Math.abs(a.length - b.length) > max) return max + 1
  const n = b.length
  let prev2 = new Array<number>(n + 1).fill(0)
  let prev = new Array<number>(n + 1)
  let cur = new Array<number>(n + 1)
  for (let j = 0; j <= n; j++) prev[j] = j
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i
    let rowMin = i
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        v = Math.min(v, prev2[j - 2] + 1)
      }
      cur[j] = v
      if (v < rowMin) rowMin = v
    }
    if (rowMin > max) return max + 1
    const t = prev2
    prev2 = prev
    prev = cur
    cur = t
  }
  return prev[n]
}

/**
 * The nearest candidate to `value`: an exact case-insensitive match first, then the smallest
 * edit distance (compared case-insensitively, ≤ MAX_SUGGEST_DISTANCE); ties go to the earlier
 * candidate. Undefined when nothing is close, or when `value` is itself a candidate.
 */
export function suggest (value: string, candidates: readonly string[]): string | undefined {
  if (value.length === 0 || value.length > MAX_COMPARE_LENGTH) return undefined
  const lower = value.toLowerCase()
  for (const c of candidates) {
    if (c === value) return undefined
  }
  for (const c of candidates) {
    if (c.toLowerCase() === lower) return c
  }
  // A 1–2 character typo is 2 edits away from every other short name; only offer distance 1 then.
  const max = value.length <= 2 ? 1 : MAX_SUGGEST_DISTANCE
  let best: string | undefined
  let bestD = max + 1
  for (const c of candidates) {
    const d = editDistance(lower, c.toLowerCase(), max)
    if (d < bestD) {
      bestD = d
      best = c
    }
  }
  return best
}
