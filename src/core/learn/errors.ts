/** Typed errors of the learning module; messages are Chinese because the UI may show them. */
export class LearnError extends Error {
  readonly code: string
  constructor (code: string, message: string) {
    super(message)
    this.name = 'LearnError'
    this.code = code
  }
}
