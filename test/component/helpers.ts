/**
 * What every component test shares: reading text, clicking inside act(), mounting a page, giving
 * it router params, and a player canvas that is absent (pages that are not about the player).
 */
import TestUtils from '@tarojs/test-utils-react'
import Taro from '@tarojs/taro'

export const text = (t: TestUtils, sel: string): string => (t.queries.querySelector(sel)?.textContent ?? '').trim()
export const texts = (t: TestUtils, sel: string): string[] => Array.from(t.queries.querySelectorAll(sel)).map(n => (n.textContent ?? '').trim())
/** Lets promises and timers queued by a render run. */
export const tick = (): Promise<unknown> => new Promise(r => setTimeout(r, 0))

export async function click (t: TestUtils, el: Element | null | undefined): Promise<void> {
  expect(el).toBeTruthy()
  await t.act(async () => { t.fireEvent.click(el as HTMLElement); await tick() })
}

/** Mounts a page or component with props on an empty document. */
export async function mount (Page: any, props: Record<string, unknown> = {}): Promise<TestUtils> {
  const t = new TestUtils()
  await t.mount(Page, { props })
  return t
}

/** The page reads its query from the current router: each test chooses its own. */
export function withRouter (path: string, params: Record<string, string>): void {
  const real = Taro.getCurrentInstance()
  jest.spyOn(Taro, 'getCurrentInstance').mockReturnValue({ ...real, router: { params, path } } as any)
}

/** For `jest.mock('…/SignPlayer/canvas', () => jest.requireActual('./helpers').noCanvas)`: no canvas node. */
export const noCanvas = {
  acquireCanvas: (): Promise<null> => Promise.resolve(null),
  observeInView: (): (() => void) => () => {}
}
