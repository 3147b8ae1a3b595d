/**
 * The one error base of the project: a stable `code` for programs and tests, and a `message` in
 * Chinese that the UI or the CLI can show as it is (what happened, what to do).
 */
export class AppError extends Error {
  readonly code: string
  constructor (code: string, message: string) {
    super(message)
    this.code = code
    this.name = new.target.name
    // Keeps instanceof working when compiled to ES5-style classes (the weapp build).
    Object.setPrototypeOf(this, new.target.prototype)
  }
}
