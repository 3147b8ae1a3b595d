import TestUtils from '@tarojs/test-utils-react'
import StatusBadge from '../../src/components/StatusBadge'

describe('StatusBadge', () => {
  test('a draft says it is unchecked', async () => {
    const t = new TestUtils()
    await t.mount(StatusBadge, { props: { status: 'draft', long: true } })
    const el = t.queries.querySelector('.badge')
    expect(el?.textContent).toContain('草稿')
    expect(el?.textContent).toContain('尚未与权威资料核对')
    expect(el?.className).toContain('badge-draft')
  })

  test('a reviewed sign names its reviewer and date in the long form', async () => {
    const t = new TestUtils()
    await t.mount(StatusBadge, { props: { status: 'reviewed', reviewer: '王老师', reviewedAt: '2026-11-01', long: true } })
    const el = t.queries.querySelector('.badge')
    expect(el?.textContent).toBe('已审核：王老师 2026-11-01')
    expect(el?.className).toContain('badge-ok')
  })
})
