// Public surface of the sign module: the notation (types, parser, validator) and its vocabulary
// (the handshape and site tables), dictionary types, and resolving an entry into playable signs.
export * from './types'
export * from './dictionary'
export * from './header'
export {
  parseHand,
  parseFace,
  parseSignNotation,
  parseSign,
  parseMovements,
  MOVEMENT_NAMES,
  RELATIONS,
  SIZES,
  DISTANCES,
  FACE_VALUES,
  MAX_LINE_LENGTH,
  MAX_GROUP_DEPTH,
  MAX_REPEAT,
  MAX_HOLD_S,
  DEFAULT_HOLD_S,
  type ParseResult
} from './parse'
export { formatIssue, makeIssue, NotationError } from './errors'
export { suggest, editDistance, MAX_SUGGEST_DISTANCE } from './suggest'
export * from './handshape-forms'
export * from './handshapes'
export * from './sites'
export { type EntryBody, type AppEntry, mergeEntry, SIGN_TYPES } from './entry'
export { resolveEntrySigns, describeEntry, MAX_COMPOUND_DEPTH, type ResolveResult, type ResolvedSign, type ResolvableEntry } from './resolve'
export { describeSign, MAX_MOVE_STEPS } from './describe'
export * from './provenance'
export * from './vocabulary'
