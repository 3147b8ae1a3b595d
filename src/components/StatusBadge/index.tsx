import { Text } from '@tarojs/components'
import type { ReviewStatus } from '../../core/sign'

interface Props {
  status: ReviewStatus
  reviewer?: string
  reviewedAt?: string
  /** Long form for the detail page; short form for result rows. */
  long?: boolean
}

/** The review status of a sign, shown honestly: a draft is never presented as checked. */
export default function StatusBadge ({ status, reviewer, reviewedAt, long }: Props) {
  if (status === 'reviewed') {
    const who = long && reviewer ? `：${reviewer}${reviewedAt ? ' ' + reviewedAt : ''}` : ''
    return <Text className='badge badge-ok' aria-label={`已审核${who}`}>已审核{who}</Text>
  }
  return (
    <Text className='badge badge-draft' aria-label='草稿：尚未与权威资料核对'>
      {long ? '草稿 · 尚未与权威资料核对，仅供参考' : '草稿'}
    </Text>
  )
}
