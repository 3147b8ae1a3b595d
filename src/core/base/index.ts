/** The base every core module may import; it imports nothing. */
export { AppError } from './errors'
export { seededRng, randInt, shuffled, hashString, hash53, type Rng } from './rng'
export { findUnprintable, describeUnprintable, type Unprintable } from './text'
