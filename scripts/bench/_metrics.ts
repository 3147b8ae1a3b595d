/**
 * Word-level sequence metrics for sign glosses, as text-to-gloss papers report them:
 * - ROUGE-L: sentence-level LCS F-score with β = 1.2 (the value of the ROUGE-L code that
 *   sign-language translation work inherited from TensorFlow NMT), averaged over sentences, × 100.
 * - BLEU-4: corpus-level, uniform weights over 1–4-grams, brevity penalty, no smoothing, × 100.
 * Pure; tested in test/unit/scripts/metrics.test.ts.
 */

export const ROUGE_BETA = 1.2

function lcs (a: readonly string[], b: readonly string[]): number {
  const row = new Array<number>(b.length + 1).fill(0)
  for (let i = 1; i <= a.length; i++) {
    let prev = 0
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]
      row[j] = a[i - 1] === b[j - 1] ? prev + 1 : Math.max(row[j], row[j - 1])
      prev = tmp
    }
  }
  return row[b.length]
}

/** ROUGE-L F of one hypothesis against one reference (0–1). */
export function rougeL (hyp: readonly string[], ref: readonly string[]): number {
  if (hyp.length === 0 || ref.length === 0) return 0
  const l = lcs(hyp, ref)
  if (l === 0) return 0
  const p = l / hyp.length
  const r = l / ref.length
  const b2 = ROUGE_BETA * ROUGE_BETA
  return ((1 + b2) * p * r) / (r + b2 * p)
}

/** Mean sentence ROUGE-L × 100. */
export function meanRougeL (pairs: Array<{ hyp: readonly string[], ref: readonly string[] }>): number {
  if (pairs.length === 0) return 0
  return 100 * pairs.reduce((s, x) => s + rougeL(x.hyp, x.ref), 0) / pairs.length
}

function ngrams (xs: readonly string[], n: number): Map<string, number> {
  const m = new Map<string, number>()
  for (let i = 0; i + n <= xs.length; i++) {
    const k = xs.slice(i, i + n).join('\u0001')
    m.set(k, (m.get(k) ?? 0) + 1)
  }
  return m
}

/** Corpus BLEU-4 × 100 (0 when some n-gram order has no match at all). */
export function corpusBleu4 (pairs: Array<{ hyp: readonly string[], ref: readonly string[] }>): number {
  const match = [0, 0, 0, 0]
  const total = [0, 0, 0, 0]
  let hypLen = 0
  let refLen = 0
  for (const { hyp, ref } of pairs) {
    hypLen += hyp.length
    refLen += ref.length
    for (let n = 1; n <= 4; n++) {
      const h = ngrams(hyp, n)
      const r = ngrams(ref, n)
      for (const [k, c] of h) { match[n - 1] += Math.min(c, r.get(k) ?? 0); total[n - 1] += c }
    }
  }
  if (hypLen === 0 || match.some(m => m === 0)) return 0
  const logP = match.reduce((s, m, i) => s + Math.log(m / total[i]), 0) / 4
  const bp = hypLen >= refLen ? 1 : Math.exp(1 - refLen / hypLen)
  return 100 * bp * Math.exp(logP)
}
