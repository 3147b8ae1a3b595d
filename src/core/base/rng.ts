/** A seeded random source in [0, 1): core code takes one of these instead of Math.random. */
export type Rng = () => number

/**
 * mulberry32: a tiny 32-bit PRNG, good enough for shuffling quiz options and property tests.
 * @param seed any integer; the same seed gives the same sequence
 */
export function seededRng (seed: number): Rng {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6D2B79F5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** An integer in [0, n). */
export function randInt (rng: Rng, n: number): number {
  return Math.min(n - 1, Math.floor(rng() * n))
}

/** Fisher–Yates shuffle into a new array. */
export function shuffled<T> (items: readonly T[], rng: Rng): T[] {
  const out = items.slice()
  for (let i = out.length - 1; i > 0; i--) {
    const j = randInt(rng, i + 1)
    const t = out[i]; out[i] = out[j]; out[j] = t
  }
  return out
}

/** FNV-1a 32-bit hash of a string: stable buckets (card shards, word of the day). */
export function hashString (s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/**
 * cyrb53: a 53-bit hash of a string (two 32-bit lanes), returned as base-36 text. Used as a
 * content fingerprint (has this card changed since the last sync?), where a 32-bit hash's
 * 1-in-4-billion collision per changed card would be too close for comfort.
 */
export function hash53 (s: string): string {
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    h1 = Math.imul(h1 ^ c, 2654435761)
    h2 = Math.imul(h2 ^ c, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36)
}
