/** Sentence translation: gloss plans, the offline rules, fingerspelling, the model's prompt and reply (docs/translate.md). */
export * from './constants'
export * from './types'
export { fingerspell, MAX_FINGERSPELL_LENGTH, type FingerspellResult } from './fingerspell'
export * from './audio'
