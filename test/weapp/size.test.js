// WeChat's hard limits on the built mini-program: main package ≤ 2 MB, each subpackage ≤ 2 MB,
// all together ≤ 20 MB. Fails (and prints the sizes) when a build would be rejected on upload.
const { join } = require('node:path')
const { weappSizes, formatSizes, LIMITS } = require('../../scripts/lib/weapp-size')

const DIST = join(__dirname, '..', '..', 'dist', 'weapp')

describe('weapp package sizes', () => {
  const sizes = weappSizes(DIST)
  // Printed on every run so the numbers are visible in CI logs.
  console.log(formatSizes(sizes))

  test('the main package fits in 2 MB, and in the project\'s budget of 1.2 MB', () => {
    expect(sizes.main).toBeGreaterThan(0)
    expect(sizes.main).toBeLessThanOrEqual(LIMITS.mainBytes)
    expect(sizes.main).toBeLessThanOrEqual(LIMITS.mainBudgetBytes)
  })

  test('every subpackage fits in 2 MB', () => {
    expect(Object.keys(sizes.subs)).toContain('pkg')
    for (const [root, bytes] of Object.entries(sizes.subs)) {
      expect({ root, bytes: bytes <= LIMITS.subBytes }).toEqual({ root, bytes: true })
    }
  })

  test('the whole mini-program fits in 20 MB', () => {
    expect(sizes.total).toBeLessThanOrEqual(LIMITS.totalBytes)
  })

  test('a main-package file over the limit is counted against the main package, a pkg file against pkg', () => {
    // Guards against a check that cannot fail: a fake build with a 2.5 MB main file.
    const { mkdtempSync, mkdirSync, writeFileSync, rmSync } = require('node:fs')
    const { tmpdir } = require('node:os')
    const dir = mkdtempSync(join(tmpdir(), 'weapp-size-'))
    try {
      writeFileSync(join(dir, 'app.json'), JSON.stringify({ pages: ['pages/a/index'], subPackages: [{ root: 'pkg', pages: ['x/index'] }] }))
      mkdirSync(join(dir, 'pkg'))
      writeFileSync(join(dir, 'big.js'), Buffer.alloc(2.5 * 1024 * 1024))
      writeFileSync(join(dir, 'pkg', 'small.js'), Buffer.alloc(1000))
      writeFileSync(join(dir, 'vendors.js.LICENSE.txt'), Buffer.alloc(5000))
      const s = weappSizes(dir)
      expect(s.main).toBeGreaterThan(LIMITS.mainBytes)
      expect(s.subs.pkg).toBe(1000)
      expect(formatSizes(s)).toMatch(/主包 main: 2560\.\d KB/)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
