#!/usr/bin/env node
// npm test: every test of the project, in the order a newcomer's machine needs them, ending with
// the single line `N passed, N failed`. Steps that are not test suites themselves (typecheck,
// data validation, builds) count as one test each, so a broken build is a failed test.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const ROOT = new URL('..', import.meta.url).pathname
const tmp = mkdtempSync(join(tmpdir(), 'shouyu-test-'))
let passed = 0
let failed = 0
const failures = []
const started = Date.now()

function run (cmd, args, opts = {}) {
  return spawnSync(cmd, args, { cwd: ROOT, stdio: opts.capture ? ['ignore', 'pipe', 'pipe'] : 'inherit', encoding: 'utf8', env: { ...process.env, ...(opts.env ?? {}) }, maxBuffer: 64 * 1024 * 1024 })
}

function step (name, cmd, args, opts) {
  const t0 = Date.now()
  process.stdout.write(`\n=== ${name}\n`)
  const r = run(cmd, args, opts)
  const ok = r.status === 0
  if (ok) passed++; else { failed++; failures.push(name) }
  process.stdout.write(`--- ${name}: ${ok ? 'ok' : 'FAILED'} (${((Date.now() - t0) / 1000).toFixed(1)} s)\n`)
  return ok
}

function jest (name, projects, extraArgs = []) {
  const out = join(tmp, `${name}.json`)
  process.stdout.write(`\n=== ${name} (jest ${projects.join(', ')})\n`)
  const t0 = Date.now()
  const r = run('npx', ['jest', '--selectProjects', ...projects, '--maxWorkers=2', '--json', `--outputFile=${out}`, ...extraArgs])
  let counted = false
  try {
    const res = JSON.parse(readFileSync(out, 'utf8'))
    passed += res.numPassedTests
    failed += res.numFailedTests
    // A suite that fails to load has no failed tests but must count.
    const broken = res.testResults.filter(s => s.status === 'failed' && s.assertionResults.every(a => a.status !== 'failed'))
    failed += broken.length
    for (const s of res.testResults) {
      for (const a of s.assertionResults) if (a.status === 'failed') failures.push(`${name}: ${a.fullName}`)
    }
    for (const s of broken) failures.push(`${name}: suite ${s.name.replace(ROOT, '')} failed to run`)
    counted = res.numTotalTests > 0 || broken.length > 0
  } catch {}
  if (!counted && r.status !== 0) { failed++; failures.push(`${name}: jest exited ${r.status}`) }
  process.stdout.write(`--- ${name}: ${(Date.now() - t0) / 1000} s\n`)
}

function nodeTests (name, files) {
  process.stdout.write(`\n=== ${name} (node --test)\n`)
  const t0 = Date.now()
  const r = run(process.execPath, ['--test', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${join(tmp, name + '.tap')}`, ...files])
  let tap = ''
  try { tap = readFileSync(join(tmp, name + '.tap'), 'utf8') } catch {}
  const pass = Number(/^# pass (\d+)/m.exec(tap)?.[1] ?? 0)
  const fail = Number(/^# fail (\d+)/m.exec(tap)?.[1] ?? 0)
  passed += pass
  failed += fail
  for (const m of tap.matchAll(/^\s*not ok \d+ - (.*)$/gm)) failures.push(`${name}: ${m[1]}`)
  if (pass + fail === 0 && r.status !== 0) { failed++; failures.push(`${name}: exited ${r.status}`) }
  process.stdout.write(`--- ${name}: ${(Date.now() - t0) / 1000} s\n`)
}

const dataOk = step('compile dictionary data (validates every entry)', 'npm', ['run', '-s', 'data'])
step('bundle cloud functions', 'npx', ['tsx', 'scripts/build-functions.ts'])
step('typecheck (tsc strict, app + platform-free core)', 'npm', ['run', '-s', 'typecheck'])
jest('unit+cloud+component', ['unit', 'cloud', 'component'])
// The client builds run with a sentinel API key in the environment; test/weapp/secrets.test.js
// proves it never reaches a client bundle.
const buildEnv = { NODE_ENV: 'production', GLM_API_KEY: 'glm-test-key-must-never-ship-7c1d' }
const weappOk = dataOk && step('build weapp', 'npx', ['taro', 'build', '--type', 'weapp'], { env: buildEnv })
const h5Ok = dataOk && step('build h5', 'npx', ['taro', 'build', '--type', 'h5'], { env: buildEnv })
if (weappOk) jest('weapp', ['weapp'])
if (h5Ok) nodeTests('browser', ['test/browser/'])

rmSync(tmp, { recursive: true, force: true })
process.stdout.write(`\nTotal time ${((Date.now() - started) / 1000).toFixed(0)} s\n`)
if (failures.length) process.stdout.write(`Failed:\n${failures.map(f => '  - ' + f).join('\n')}\n`)
process.stdout.write(`${passed} passed, ${failed} failed\n`)
process.exitCode = failed > 0 ? 1 : 0
