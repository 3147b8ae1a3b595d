/**
 * What the app, the CLI and the 纠错 reports say about where a sign comes from and how far it has
 * been checked: one wording, so the badge on a result row, the sign page and `cli show` never
 * disagree. Honesty rule: a transcription is never presented as reviewed, and a sign the project
 * made (自拟) never as a national one.
 */
import type { NationalRef, ReviewStatus } from './dictionary'

export interface StatusFacts {
  status: ReviewStatus
  /** A sign the project made (origin: project). */
  project?: boolean
  reviewer?: string
  reviewedAt?: string
}

/** Badge kinds, for styling: reviewed (checked), transcribed (from a standard, unchecked), project (自拟). */
export type StatusKind = 'reviewed' | 'transcribed' | 'project'

export function statusKind (f: StatusFacts): StatusKind {
  if (f.status === 'reviewed') return 'reviewed'
  return f.project ? 'project' : 'transcribed'
}

/** The status in Chinese: short for result rows, long (with what it means) for the sign page. */
export function statusLabel (f: StatusFacts, long = false): string {
  const who = long && f.reviewer ? `：${f.reviewer}${f.reviewedAt ? ' ' + f.reviewedAt : ''}` : ''
  switch (statusKind(f)) {
    case 'reviewed': return f.project ? `自拟 · 已审校${who}` : `已审校${who}`
    case 'project': return long ? '自拟 · 不是国家通用手语，尚未审校，仅供参考' : '自拟'
    case 'transcribed': return long ? '据国家标准转写 · 待聋人审校' : '待审校'
  }
}

/** `1767` or `4021②`: how a national sign id is cited. */
export function nationalId (nat: NationalRef): string {
  return `${nat.id}${nat.variant ?? ''}`
}

/** The provenance line of the sign page and `cli show`. */
export function provenanceText (e: { nat?: NationalRef, origin?: { kind: 'project' | 'scheme', why: string }, source: string }): string {
  if (e.nat) return `${e.source}，手势编号 ${nationalId(e.nat)}`
  if (e.origin?.kind === 'scheme') return `${e.source || e.origin.why}`
  if (e.origin?.kind === 'project') return `本项目自拟：${e.origin.why}${e.source ? `（${e.source}）` : ''}`
  return e.source
}
