// The summariser behind `npm test`'s last line, fed real recorded runner outputs
// (test/fixtures/runners/README.md says how each was made).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fromJest, fromStep, fromTap, summarise } from '../../../scripts/lib/test-summary.mjs'

const fixture = (name: string): string => readFileSync(join(__dirname, '../../fixtures/runners', name), 'utf8')

describe('npm test never reports green for a run that was not', () => {
  test('a suite cancelled by a failed before hook is red, and its tests and the hook error are named', () => {
    const r = summarise([fromTap('browser', fixture('node-cancelled.tap'), 1)])
    expect(r.line).toBe('1 passed, 2 failed')
    expect(r.exitCode).toBe(1)
    expect(r.failures).toEqual(expect.arrayContaining([
      'browser: by category (cancelled)',
      'browser: by handshape (cancelled)',
      'browser: browse (a hook failed: listen EADDRINUSE: address already in use 127.0.0.1:31337)'
    ]))
  })

  test('skipped and todo tests count as failed and are listed, even when the runner exits 0', () => {
    const r = summarise([fromTap('browser', fixture('node-skiptodo.tap'), 0)])
    expect(r.line).toBe('1 passed, 2 failed')
    expect(r.exitCode).toBe(1)
    expect(r.failures).toEqual(['browser: whole dictionary plays (skipped: compiled dictionary missing)', 'browser: share to Moments (todo)'])
  })

  test('a test file that fails to load is a named failure', () => {
    const r = summarise([fromTap('browser', fixture('node-load.tap'), 1)])
    expect(r.line).toBe('0 passed, 1 failed')
    expect(r.failures).toHaveLength(1)
    expect(r.failures[0]).toMatch(/^browser: \/project\/test\/load\.test\.mjs/)
  })

  test('a runner killed mid-run, with no summary, is a failure even though nothing it printed failed', () => {
    const r = summarise([fromTap('browser', fixture('node-hang.tap'), 137)])
    expect(r.line).toBe('0 passed, 1 failed')
    expect(r.exitCode).toBe(1)
    expect(r.failures[0]).toMatch(/without a summary.*exited 137/)
  })

  test('a runner that exits non-zero after every test passed fails the run', () => {
    const r = summarise([fromTap('browser', fixture('node-exitcode.tap'), 1)])
    // node:test reports the file's exit code as a failed test of its own.
    expect(r.failed).toBeGreaterThan(0)
    expect(r.exitCode).toBe(1)
    const passing = summarise([fromTap('browser', fixture('node-pass.tap'), 3)])
    expect(passing.line).toBe('2 passed, 1 failed')
    expect(passing.failures).toEqual(['browser: exited 3 although every test it reported passed'])
  })

  test('jest: a suite that fails to load, a skipped and a todo test all count and are named', () => {
    const r = summarise([fromJest('unit', fixture('jest-mixed.json'), 1)])
    expect(r.line).toBe('1 passed, 4 failed')
    expect(r.exitCode).toBe(1)
    expect(r.failures).toEqual(expect.arrayContaining([
      'unit: a review moves the card',
      'unit: the whole dictionary plays (compiled data missing) (skipped)',
      'unit: share a sign to a chat (todo)'
    ]))
    expect(r.failures.find(f => f.includes('test/player.test.js did not run'))).toMatch(/Cannot find module '\.\/missing-fixture'/)
  })

  test('jest that crashed before writing a report is a failure', () => {
    const r = summarise([fromJest('component', undefined, 1), fromJest('unit', '{"truncated', 1)])
    expect(r.line).toBe('0 passed, 2 failed')
    expect(r.failures).toEqual(['component: jest wrote no report (exited 1)', 'unit: jest wrote no report (exited 1)'])
  })

  test('a clean run is green: the counts add up over runners and steps', () => {
    const r = summarise([fromStep('typecheck', 0), fromJest('unit', fixture('jest-green.json'), 0), fromTap('browser', fixture('node-pass.tap'), 0)])
    expect(r.line).toBe('4 passed, 0 failed')
    expect(r.exitCode).toBe(0)
    expect(r.text).toBe('4 passed, 0 failed\n')
  })

  test('a failed build step is one named failure', () => {
    const r = summarise([fromStep('build h5', 2), fromTap('browser', fixture('node-pass.tap'), 0)])
    expect(r.line).toBe('2 passed, 1 failed')
    expect(r.text).toBe('Failed:\n  - build h5: exited 2\n2 passed, 1 failed\n')
  })
})
