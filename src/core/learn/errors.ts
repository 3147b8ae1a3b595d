/** Typed errors of the learning module; messages are Chinese because the UI may show them. */
import { AppError } from '../base/errors'

export class LearnError extends AppError {}
