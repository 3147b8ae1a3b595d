// The GLM API key lives only in the cloud function's environment. The builds run by npm test are
// made with GLM_API_KEY set to SENTINEL (scripts/test-all.mjs); nothing the phone or the browser
// downloads may contain it, nor the variable's name or the model endpoint.
const { readdirSync, readFileSync, statSync, existsSync } = require('node:fs')
const { join } = require('node:path')

const ROOT = join(__dirname, '..', '..')
const SENTINEL = 'glm-test-key-must-never-ship-7c1d'

function files (dir, out = []) {
  for (const n of readdirSync(dir)) {
    const p = join(dir, n)
    if (statSync(p).isDirectory()) files(p, out); else out.push(p)
  }
  return out
}

function grep (dir, needle) {
  return files(dir).filter(f => /\.(js|json|wxml|wxss|html|css|wxs|txt)$/.test(f) && readFileSync(f, 'utf8').includes(needle))
}

describe('secrets never reach the client', () => {
  const dists = ['dist/weapp', 'dist/h5'].map(d => join(ROOT, d)).filter(d => existsSync(d))

  test('both client builds exist', () => {
    expect(dists.length).toBe(2)
  })

  test.each([SENTINEL, 'GLM_API_KEY', 'bigmodel.cn'])('no client file contains %s', needle => {
    for (const d of dists) expect(grep(d, needle)).toEqual([])
  })

  test('the grep does find the key handling where it belongs: the translate cloud function', () => {
    const fn = join(ROOT, 'cloudfunctions', 'translate')
    expect(grep(fn, 'GLM_API_KEY').map(f => f.replace(ROOT, ''))).toContain('/cloudfunctions/translate/index.js')
    expect(grep(fn, SENTINEL)).toEqual([])
  })
})
