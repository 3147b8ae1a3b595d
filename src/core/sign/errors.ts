import { AppError } from '../base/errors'
import type { NotationContext, NotationIssue } from './types'

/**
 * Notation problems are data (NotationIssue); this module builds and prints them, and offers a
 * typed error for callers that prefer to throw (e.g. the data compiler).
 */

/** Builds an issue located by `ctx`. */
export function makeIssue (
  ctx: NotationContext,
  field: string,
  value: string,
  message: string,
  suggestion?: string
): NotationIssue {
  const issue: NotationIssue = { entryId: ctx.entryId, field, value, message }
  if (ctx.file !== undefined) issue.file = ctx.file
  if (ctx.line !== undefined) issue.line = ctx.line
  if (suggestion !== undefined && suggestion !== value) issue.suggestion = suggestion
  return issue
}

/** Longest value echoed back in a message; a 10 000-character garbage line is cut. */
const MAX_SHOWN_VALUE = 60

function shown (value: string): string {
  return value.length > MAX_SHOWN_VALUE ? value.slice(0, MAX_SHOWN_VALUE) + '…' : value
}

/**
 * One line for editors:
 * `src/data/signs/food.signs:12 chifan dom: 未知手形（值 “AA”，是否想写 “A”？）`
 */
export function formatIssue (issue: NotationIssue): string {
  let where = ''
  if (issue.file !== undefined) where = issue.line !== undefined ? `${issue.file}:${issue.line} ` : `${issue.file} `
  const hint = issue.suggestion !== undefined ? `，是否想写 “${issue.suggestion}”？` : ''
  return `${where}${issue.entryId} ${issue.field}: ${issue.message}（值 “${shown(issue.value)}”${hint}）`
}

/** Thrown by callers that want an exception; carries every issue found, not just the first. */
export class NotationError extends AppError {
  readonly issues: readonly NotationIssue[]

  constructor (issues: readonly NotationIssue[]) {
    super('NOTATION', issues.length === 0 ? '手语转写有误' : issues.map(formatIssue).join('\n'))
    this.issues = issues
  }
}
