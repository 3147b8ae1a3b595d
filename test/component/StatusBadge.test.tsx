import TestUtils from '@tarojs/test-utils-react'
import StatusBadge from '../../src/components/StatusBadge'

async function badge (props: Parameters<typeof StatusBadge>[0]): Promise<Element | null> {
  const t = new TestUtils()
  await t.mount(StatusBadge, { props })
  // Mounts share one document: the badge just mounted is the last one.
  const all = t.queries.querySelectorAll('.badge')
  return all[all.length - 1] ?? null
}

describe('StatusBadge', () => {
  test('a sign transcribed from the national standard says it waits for a Deaf reviewer', async () => {
    const el = await badge({ status: 'transcribed', long: true })
    expect(el?.textContent).toBe('据国家标准转写 · 待聋人审校')
    expect(el?.className).toContain('badge-transcribed')
    expect((await badge({ status: 'transcribed' }))?.textContent).toBe('待审校')
  })

  test('a sign the project made says 自拟 and that it is not the national sign', async () => {
    const el = await badge({ status: 'draft', project: true, long: true })
    expect(el?.textContent).toContain('自拟')
    expect(el?.textContent).toContain('不是国家通用手语')
    expect(el?.className).toContain('badge-project')
    expect((await badge({ status: 'draft', project: true }))?.textContent).toBe('自拟')
  })

  test('a reviewed sign names its reviewer and date in the long form, and a reviewed 自拟 sign stays 自拟', async () => {
    const el = await badge({ status: 'reviewed', reviewer: '王老师', reviewedAt: '2026-11-01', long: true })
    expect(el?.textContent).toBe('已审校：王老师 2026-11-01')
    expect(el?.className).toContain('badge-ok')
    expect((await badge({ status: 'reviewed', project: true, reviewer: '王老师' }))?.textContent).toBe('自拟 · 已审校')
  })
})
