/** Search over the dictionary's entry headers: see docs/search.md. */
export { createSearchIndex, warmSearchIndex, type SearchIndex } from './index-build'
export { search, nearestWords, commonWords } from './search'
export { MATCH_KINDS, TIERS } from './ranking'
export { normalizeQuery } from './normalize'
export * from './types'
export * from './constants'
