// Sizes of the built weapp per WeChat package, as WeChat counts them: every file under
// dist/weapp, the files under a subpackage root counting against that subpackage, the rest
// against the main package. WeChat's limits: main ≤ 2 MB, each subpackage ≤ 2 MB, total ≤ 20 MB.
// The project's own budget for the main package is 1.2 MB (issue 12): the first screen downloads
// it before anything shows, and the dictionary's growth must not eat the room other features need.
const { readdirSync, readFileSync, statSync } = require('node:fs')
const { join, relative, sep } = require('node:path')

const MB = 1024 * 1024
const LIMITS = Object.freeze({ mainBytes: 2 * MB, mainBudgetBytes: 1.2 * MB, subBytes: 2 * MB, totalBytes: 20 * MB })
// Not uploaded by DevTools (packOptions.ignore) or not part of the package.
const IGNORED = [/\.LICENSE\.txt$/, /^project\.config\.json$/, /^project\.private\.config\.json$/, /\.map$/]

function walk (dir, out = []) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name)
    const st = statSync(p)
    if (st.isDirectory()) walk(p, out)
    else out.push({ path: p, bytes: st.size })
  }
  return out
}

function weappSizes (distDir) {
  const app = JSON.parse(readFileSync(join(distDir, 'app.json'), 'utf8'))
  const roots = (app.subPackages || app.subpackages || []).map(s => s.root.replace(/\/$/, ''))
  const subs = Object.fromEntries(roots.map(r => [r, 0]))
  let main = 0
  for (const f of walk(distDir)) {
    const rel = relative(distDir, f.path).split(sep).join('/')
    if (IGNORED.some(re => re.test(rel))) continue
    const root = roots.find(r => rel === r || rel.startsWith(r + '/'))
    if (root) subs[root] += f.bytes
    else main += f.bytes
  }
  const total = main + Object.values(subs).reduce((a, b) => a + b, 0)
  return { main, subs, total }
}

function formatSizes (s) {
  const kb = b => (b / 1024).toFixed(1) + ' KB'
  const lines = [`主包 main: ${kb(s.main)} / 2048 KB`]
  for (const [root, b] of Object.entries(s.subs)) lines.push(`分包 ${root}: ${kb(b)} / 2048 KB`)
  lines.push(`总计 total: ${kb(s.total)} / 20480 KB`)
  return lines.join('\n')
}

module.exports = { weappSizes, formatSizes, LIMITS }
