import TestUtils from '@tarojs/test-utils-react'
import Taro from '@tarojs/taro'
import LearnPage from '../../src/pages/learn'
import { STORAGE_MAIN_KEY } from '../../src/core/learn'
import { progress } from '../../src/services/learning'

// Its own file: the progress store loads storage once per app start, and this test needs the
// broken value to be there before that first load.
test('broken stored progress is reset with a notice shown once, and the page still works', async () => {
  Taro.setStorageSync(STORAGE_MAIN_KEY, '{"version":1,"settings":')
  const t = new TestUtils()
  await t.mount(LearnPage, { props: {} })
  const notice = t.queries.querySelector('.recovery-notes')
  expect(notice?.className).toContain('notice-warn')
  expect((notice?.textContent ?? '').length).toBeGreaterThan(4)
  expect(progress().settings.deck).toBe('starter')
  expect(t.queries.querySelector('.plan-new')?.textContent).toBe('10')

  document.body.innerHTML = ''
  const again = new TestUtils()
  await again.mount(LearnPage, { props: {} })
  expect(again.queries.querySelector('.recovery-notes')).toBeNull()
})
