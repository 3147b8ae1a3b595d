// Public surface of the sign module: notation types, parser/validator, issue formatting.
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
