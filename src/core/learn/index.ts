/** The learning module's public surface (pages and services import from here). */
export * from './types'
export * from './constants'
export { LearnError } from './errors'
export { seededRng, shuffled, hashString, type Rng } from '../base/rng'
export { emptyProgress, parseProgress, DEFAULT_SETTINGS } from './state'
export { encodeProgress, decodeProgress, fitsStorage, storageKeys, utf8Bytes, type EncodedKey } from './storage'
export {
  GRADE_NUM, GRADE_ZH, cardId, parseCardId, gradeCard, dueCards, previewGrades, reviewCount, compactProgress, replaySnapshot
} from './schedule'
export {
  isFavorite, setFavorite, toggleFavorite, favoriteIds, recordView, removeFromHistory, clearHistory, historyList,
  updateSettings, recordQuiz
} from './collections'
export { mergeProgress } from './merge'
export { syncDelta, syncRecord, parseSyncRecord, cardFingerprint, SYNC_RECORD_VERSION, type SyncRecord } from './sync'
export { renameEntries } from './rename'
export {
  starterDeck, deckEntries, planToday, wordOfTheDay, isWordEntry, localDay, dayStart, newEntriesToday, type TodayPlan
} from './decks'
export {
  makeSignToWordQuiz, makeWordToSignQuiz, makeSpellingQuiz, spellingCandidates, spellLetters, checkSpelling,
  normalizePinyin, scoreQuiz, isCorrect, type ChoiceQuestion, type SpellingQuestion, type Question, type Answer, type QuizScore
} from './quiz'
export { progressStats, streakDays, type ProgressStats, type DayPoint } from './stats'
