import { Text } from '@tarojs/components'
import { statusKind, statusLabel, type StatusFacts } from '../../core/sign'

interface Props extends StatusFacts {
  /** Long form for the detail page; short form for result rows. */
  long?: boolean
}

const CLASS = { reviewed: 'badge-ok', transcribed: 'badge-transcribed', project: 'badge-project' } as const

/** The review status of a sign, shown honestly (wording in core/sign/provenance.ts). */
export default function StatusBadge ({ long, ...facts }: Props) {
  const label = statusLabel(facts, long)
  return <Text className={`badge ${CLASS[statusKind(facts)]}`} aria-label={statusLabel(facts, true)}>{label}</Text>
}
