#!/usr/bin/env node
// npm test: every test of the project, in the order a newcomer's machine needs them, ending with
// the single line `N passed, N failed`. Steps that are not test suites themselves (typecheck,
// data validation, builds) count as one test each, so a broken build is a failed test.
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fromJest, fromStep, fromTap, summarise } from './lib/test-summary.mjs'

const ROOT = new URL('..', import.meta.url).pathname
const tmp = mkdtempSync(join(tmpdir(), 'shouyu-test-'))
// The steps run with an empty temp dir of their own (TMPDIR): whatever a test leaves there is
// reported as a failure. Jest's transform cache stays in the real temp dir, warm between runs.
const testTmp = join(tmp, 'tmp')
mkdirSync(testTmp)
const jestCache = join(tmpdir(), 'jest_shouyu')
/** Tools' own compile caches in the temp dir (tsx, jiti via the Taro build): kept on purpose, not a test's leftovers. */
const TOOL_CACHES = /^(tsx-\d+|jiti|jest_.*)$/
const results = []
const started = Date.now()

function run (cmd, args, opts = {}) {
  return spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', encoding: 'utf8', env: { ...process.env, TMPDIR: testTmp, ...(opts.env ?? {}) } })
}

const readOr = file => { try { return readFileSync(file, 'utf8') } catch { return undefined } }

function timed (name, fn) {
  process.stdout.write(`\n=== ${name}\n`)
  const t0 = Date.now()
  const r = fn()
  results.push(r)
  process.stdout.write(`--- ${name}: ${r.failed ? 'FAILED' : 'ok'} (${r.passed} passed, ${r.failed} failed, ${((Date.now() - t0) / 1000).toFixed(1)} s)\n`)
  return r.failed === 0
}

/** A step that is not a test suite itself (a build, the typecheck, the linter) counts as one test. */
const step = (name, cmd, args, opts) => timed(name, () => fromStep(name, run(cmd, args, opts).status))

function jest (name, projects) {
  const out = join(tmp, `${name}.json`)
  return timed(`${name} (jest ${projects.join(', ')})`, () => {
    const r = run('npx', ['jest', '--selectProjects', ...projects, '--maxWorkers=2', `--cacheDirectory=${jestCache}`, '--json', `--outputFile=${out}`])
    return fromJest(name, readOr(out), r.status)
  })
}

function nodeTests (name, files) {
  const tap = join(tmp, `${name}.tap`)
  return timed(`${name} (node --test)`, () => {
    const r = run(process.execPath, ['--test', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tap}`, ...files])
    return fromTap(name, readOr(tap), r.status)
  })
}

const dataOk = step('compile dictionary data (validates every entry)', 'npm', ['run', '-s', 'data'])
step('bundle cloud functions', 'npx', ['tsx', 'scripts/build-functions.ts'])
step('typecheck (tsc strict, app + platform-free core)', 'npm', ['run', '-s', 'typecheck'])
step('lint (eslint, zero warnings)', 'npm', ['run', '-s', 'lint'])
jest('unit+cloud+component', ['unit', 'cloud', 'component'])
// The client builds run with a sentinel API key in the environment; test/weapp/secrets.test.js
// proves it never reaches a client bundle.
const buildEnv = { NODE_ENV: 'production', GLM_API_KEY: 'glm-test-key-must-never-ship-7c1d' }
const weappOk = dataOk && step('build weapp', 'npx', ['taro', 'build', '--type', 'weapp'], { env: buildEnv })
const h5Ok = dataOk && step('build h5', 'npx', ['taro', 'build', '--type', 'h5'], { env: buildEnv })
if (weappOk) jest('weapp', ['weapp'])
if (h5Ok) nodeTests('browser', ['test/browser/'])

const left = readdirSync(testTmp).filter(f => !TOOL_CACHES.test(f))
results.push(left.length
  ? { runner: 'temporary files', passed: 0, failed: 1, failures: [`tests left temporary files behind: ${left.slice(0, 10).join(', ')}`], exitCode: 0 }
  : { runner: 'temporary files', passed: 1, failed: 0, failures: [], exitCode: 0 })
rmSync(tmp, { recursive: true, force: true })
const summary = summarise(results)
process.stdout.write(`\nTotal time ${((Date.now() - started) / 1000).toFixed(0)} s\n`)
process.stdout.write(summary.text)
process.exitCode = summary.exitCode
