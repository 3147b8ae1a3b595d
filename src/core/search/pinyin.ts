/**
 * Small pinyin string algorithms on letter keys (lower-case a–z, ü as v). No syllable table:
 * the dictionary side is already split into syllables at build time, and typed queries are
 * matched against those syllables, never segmented on their own.
 */

/**
 * The key under the fuzzy pairs pinyin input methods accept: zh/ch/sh → z/c/s, l → n, and
 * ng → n (an/ang, en/eng, in/ing); also ü (v) → u, since many people type lu for 绿. Applied the same way to the query and to the dictionary
 * key, on the whole string: a g after n is dropped even across syllables (xin ge ~ xing e),
 * which only merges more words in the fuzzy tier, where that is the point.
 */
export function fuzzyKey (s: string): string {
  let out = ''
  for (let i = 0; i < s.length; i++) {
    const c = s[i]
    if ((c === 'z' || c === 'c' || c === 's') && s[i + 1] === 'h') { out += c; i++; continue }
    if (c === 'l') { out += 'n'; continue }
    if (c === 'v') { out += 'u'; continue }
    if (c === 'g' && out.length > 0 && out[out.length - 1] === 'n') continue
    out += c
  }
  return out
}

/**
 * Abbreviated pinyin as input methods accept it: the query is a run of non-empty prefixes of
 * consecutive syllables from the first (xx → xue xi, zhg → zhong guo, xxiao → xue xiao).
 * Returns how many syllables the best parse covers (all of them if any parse does), or 0 when
 * the query does not parse.
 */
export function abbrevCover (q: string, syl: readonly string[]): number {
  return abbrevFrom(q, 0, syl, 0)
}

function abbrevFrom (q: string, qi: number, syl: readonly string[], si: number): number {
  if (qi === q.length) return si
  if (si === syl.length) return 0
  const s = syl[si]
  // Longest common prefix of the syllable and the rest of the query.
  let m = 0
  while (m < s.length && qi + m < q.length && s.charCodeAt(m) === q.charCodeAt(qi + m)) m++
  let best = 0
  for (let len = m; len >= 1; len--) {
    const r = abbrevFrom(q, qi + len, syl, si + 1)
    if (r > best) { best = r; if (best === syl.length) break }
  }
  return best
}

/** True when a and b are at most one edit apart (insert, delete, substitute, or swap two neighbours). */
export function withinOneEdit (a: string, b: string): boolean {
  const la = a.length
  const lb = b.length
  if (Math.abs(la - lb) > 1) return false
  let i = 0
  while (i < la && i < lb && a.charCodeAt(i) === b.charCodeAt(i)) i++
  if (i === la && i === lb) return true
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true
    // Adjacent transposition (xeuxi for xuexi).
    return i + 1 < la && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2)
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1)
}

/**
 * Levenshtein distance, or max + 1 as soon as it must exceed max. Only the diagonal band of
 * width 2·max+1 is computed. `row` is scratch space of at least b.length + 1 cells
 * (preallocated by the caller: this runs over many keys).
 */
export function boundedDistance (a: string, b: string, max: number, row: Int32Array): number {
  const la = a.length
  const lb = b.length
  const inf = max + 1
  if (Math.abs(la - lb) > max) return inf
  for (let j = 0; j <= lb; j++) row[j] = j <= max ? j : inf
  for (let i = 1; i <= la; i++) {
    const lo = i - max > 1 ? i - max : 1
    const hi = i + max < lb ? i + max : lb
    let diag = row[lo - 1]
    let left = lo === 1 && i <= max ? i : inf
    row[lo - 1] = left
    let rowMin = left
    const ca = a.charCodeAt(i - 1)
    for (let j = lo; j <= hi; j++) {
      const up = row[j]
      let v = ca === b.charCodeAt(j - 1) ? diag : 1 + (diag < up ? (diag < left ? diag : left) : (up < left ? up : left))
      if (v > inf) v = inf
      diag = up
      row[j] = v
      left = v
      if (v < rowMin) rowMin = v
    }
    if (rowMin > max) return inf
  }
  return row[lb] > max ? inf : row[lb]
}

/** Number of syllables touched by the first `len` letters of the joined syllables. */
export function syllablesTouched (syl: readonly string[], len: number): number {
  let acc = 0
  for (let k = 0; k < syl.length; k++) {
    if (acc >= len) return k
    acc += syl[k].length
  }
  return syl.length
}
