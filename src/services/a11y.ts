/**
 * H5 only: Taro 4 renders <Button> as <taro-button-core>, a custom element with no button role
 * and no keyboard focus, and our tappable Views (role="button" / "link" / "radio" / "switch" /
 * "tab") are plain custom elements too. A screen reader then reads a button as text and a
 * keyboard cannot reach it. This gives each one, as it appears, what a native control has: a
 * role, a place in the tab order, and activation with Enter or Space. On weapp WeChat's own
 * components already are controls; nothing is done there.
 */

const ACTIVATED_ROLES = new Set(['button', 'link', 'radio', 'switch', 'tab', 'checkbox'])
const SELECTOR = 'taro-button-core, [role="button"], [role="link"], [role="radio"], [role="switch"], [role="tab"], [role="checkbox"]'

function enhance (el: Element): void {
  if (el.tagName === 'TARO-BUTTON-CORE' && !el.hasAttribute('role')) el.setAttribute('role', 'button')
  const disabled = el.getAttribute('aria-disabled') === 'true' || el.getAttribute('disabled') === 'true'
  const want = disabled ? '-1' : '0'
  if (el.getAttribute('tabindex') !== want) el.setAttribute('tabindex', want)
}

function enhanceTree (root: ParentNode): void {
  if (root instanceof Element && root.matches(SELECTOR)) enhance(root)
  root.querySelectorAll(SELECTOR).forEach(enhance)
}

let started = false

export function enhanceH5Accessibility (): void {
  if (process.env.TARO_ENV !== 'h5' || started || typeof document === 'undefined' || typeof MutationObserver === 'undefined') return
  started = true
  enhanceTree(document)
  new MutationObserver(records => {
    for (const r of records) {
      if (r.type === 'attributes') { if (r.target instanceof Element && r.target.matches(SELECTOR)) enhance(r.target); continue }
      r.addedNodes.forEach(n => { if (n instanceof Element) enhanceTree(n) })
    }
  }).observe(document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['role', 'aria-disabled', 'disabled'] })
  // Enter and Space press a focused control, as they do a native button.
  document.addEventListener('keydown', e => {
    if (e.key !== 'Enter' && e.key !== ' ') return
    const t = e.target
    if (!(t instanceof HTMLElement) || !ACTIVATED_ROLES.has(t.getAttribute('role') ?? '')) return
    if (t.getAttribute('aria-disabled') === 'true') return
    e.preventDefault()
    t.click()
  })
}
