/** Search over the dictionary's entry headers: see docs/search.md. */
export { createSearchIndex, search, nearestWords, commonWords, warmSearchIndex, MATCH_KINDS } from './search'
export type { SearchIndex } from './search'
export { normalizeQuery } from './normalize'
export * from './types'
export * from './constants'
