// Dark mode in the compiled mini-program: WeChat's darkmode switches the window and tab bar
// through theme.json, and every page's colours through the CSS variables of app.wxss, which has a
// dark value for each light one. No page style sheet carries a colour of its own (it would stay
// light in dark mode). (Layout at large text needs a layout engine: it is tested in Chromium.)
const { readFileSync, readdirSync, statSync } = require('node:fs')
const { join, relative } = require('node:path')
const { DIST } = require('./harness')

function styleSheets (dir) {
  return readdirSync(dir).flatMap(n => {
    const p = join(dir, n)
    return statSync(p).isDirectory() ? styleSheets(p) : n.endsWith('.wxss') ? [p] : []
  })
}

/** Custom properties declared in a block of CSS text: name → value. */
function declarations (css) {
  const out = {}
  for (const m of css.matchAll(/(--c-[\w-]+)\s*:\s*([^;}]+)/g)) out[m[1]] = m[2].trim()
  return out
}

describe('dark mode (weapp)', () => {
  const theme = readFileSync(join(DIST, 'app-origin.wxss'), 'utf8')
  const darkAt = theme.search(/@media\s*\(prefers-color-scheme:\s*dark\)/)

  test('app.wxss gives every colour variable a dark value', () => {
    expect(darkAt).toBeGreaterThan(0)
    const light = declarations(theme.slice(0, darkAt))
    const dark = declarations(theme.slice(darkAt))
    expect(Object.keys(light).length).toBeGreaterThanOrEqual(15)
    expect(Object.keys(dark).sort()).toEqual(Object.keys(light).sort())
    expect(dark['--c-bg']).not.toEqual(light['--c-bg'])
    expect(dark['--c-text']).not.toEqual(light['--c-text'])
  })

  test('no page or component style sheet has a colour of its own', () => {
    const literal = /#[0-9a-f]{3,8}\b|rgba?\(/i
    const offenders = styleSheets(DIST)
      .filter(f => !f.endsWith('app-origin.wxss'))
      .filter(f => literal.test(readFileSync(f, 'utf8').replace(/--c-[\w-]+\s*:[^;}]+/g, '')))
      .map(f => relative(DIST, f))
    expect(offenders).toEqual([])
  })

  test('the dark tab icons the theme names are in the package', () => {
    const t = JSON.parse(readFileSync(join(DIST, 'theme.json'), 'utf8'))
    for (const mode of ['light', 'dark']) {
      for (const [k, v] of Object.entries(t[mode])) if (k.startsWith('icon')) expect(statSync(join(DIST, v)).size).toBeGreaterThan(100)
    }
  })
})
