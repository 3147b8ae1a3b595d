// Turns what each test runner left behind (its report and its exit code) into counts and names,
// and the whole run into the one line `N passed, M failed` and an exit code. Pure functions, so
// test/unit/scripts/test-summary.test.ts can feed it recorded runner outputs.
//
// The rule: anything that is not a test that ran and passed is a failure, and is named. Cancelled
// tests (a failed `before` hook), skipped tests (e.g. data missing), todo tests, suites that fail
// to load and runners that crash all count as failed, and any runner that exits non-zero fails the
// run whatever its counts say.

/** @typedef {{ runner: string, passed: number, failed: number, failures: string[], exitCode: number | null }} RunnerResult */

/**
 * A step that is not a test suite (a build, the typecheck, the linter): one test.
 * @param {string} name @param {number | null} exitCode @returns {RunnerResult}
 */
export function fromStep (name, exitCode) {
  const ok = exitCode === 0
  return { runner: name, passed: ok ? 1 : 0, failed: ok ? 0 : 1, failures: ok ? [] : [`${name}: exited ${exitCode ?? 'by a signal'}`], exitCode }
}

/**
 * Jest's `--json` report (the text of the file, or undefined when jest wrote none).
 * @param {string} name @param {string | undefined} jsonText @param {number | null} exitCode @returns {RunnerResult}
 */
export function fromJest (name, jsonText, exitCode) {
  const r = { runner: name, passed: 0, failed: 0, failures: [], exitCode }
  let report
  try { report = JSON.parse(jsonText ?? '') } catch { report = undefined }
  if (!report || !Array.isArray(report.testResults)) {
    r.failed++
    r.failures.push(`${name}: jest wrote no report (exited ${exitCode ?? 'by a signal'})`)
    return r
  }
  for (const suite of report.testResults) {
    const file = String(suite.name ?? '?').replace(/^.*?\/test\//, 'test/')
    const results = Array.isArray(suite.assertionResults) ? suite.assertionResults : []
    if (suite.status === 'failed' && !results.some(a => a.status === 'failed')) {
      // A suite that failed with no failed test did not run: it failed to load, or a hook threw.
      r.failed++
      // eslint-disable-next-line no-control-regex -- strips the ANSI colour codes Jest puts in messages
      const why = String(suite.message ?? '').replace(/\u001b\[[0-9;]*m/g, '').split('\n').map(s => s.trim()).filter(Boolean).slice(0, 2).join(' — ')
      r.failures.push(`${name}: ${file} did not run${why ? ` (${why.slice(0, 200)})` : ''}`)
    }
    for (const a of results) {
      const title = a.fullName ?? a.title ?? '?'
      if (a.status === 'passed') r.passed++
      else {
        r.failed++
        const how = a.status === 'failed' ? '' : ` (${a.status === 'pending' || a.status === 'skipped' ? 'skipped' : a.status})`
        r.failures.push(`${name}: ${title}${how}`)
      }
    }
  }
  if (report.wasInterrupted) { r.failed++; r.failures.push(`${name}: the run was interrupted`) }
  closeWithExitCode(r)
  return r
}

/**
 * node:test's TAP output (the file written by `--test-reporter=tap`).
 * @param {string} name @param {string | undefined} tap @param {number | null} exitCode @returns {RunnerResult}
 */
export function fromTap (name, tap, exitCode) {
  const r = { runner: name, passed: 0, failed: 0, failures: [], exitCode }
  const text = tap ?? ''
  const count = key => { const m = new RegExp(`^# ${key} (\\d+)$`, 'm').exec(text); return m ? Number(m[1]) : undefined }
  const pass = count('pass')
  if (pass === undefined) {
    r.failed++
    r.failures.push(`${name}: the runner ended without a summary (crashed or was killed; exited ${exitCode ?? 'by a signal'})`)
  } else {
    r.passed = pass
    r.failed = (count('fail') ?? 0) + (count('cancelled') ?? 0) + (count('skipped') ?? 0) + (count('todo') ?? 0)
  }
  r.failures.push(...tapProblems(text).map(p => `${name}: ${p}`))
  closeWithExitCode(r)
  return r
}

/** The names of TAP entries that did not pass, with why (cancelled, hook failed, skipped, todo). */
function tapProblems (text) {
  const lines = text.split('\n')
  const out = []
  for (let i = 0; i < lines.length; i++) {
    const m = /^\s*(not ok|ok) \d+ - (.*)$/.exec(lines[i])
    if (!m) continue
    let title = m[2]
    const directive = / # (SKIP|TODO)\b ?(.*)$/i.exec(title)
    if (directive) title = title.slice(0, directive.index)
    if (m[1] === 'ok') {
      if (directive) out.push(`${title} (${directive[1].toLowerCase() === 'skip' ? 'skipped' : 'todo'}${directive[2] ? ': ' + directive[2] : ''})`)
      continue
    }
    // The YAML block under the line says what kind of failure it was.
    const block = []
    for (let j = i + 1; j < lines.length && !/^\s*(not ok|ok) \d+ - |^\s*# Subtest:/.test(lines[j]); j++) block.push(lines[j])
    const yaml = block.join('\n')
    const type = /failureType: '([^']+)'/.exec(yaml)?.[1]
    const error = /error: '([^']*)'/.exec(yaml)?.[1] ?? /error: \|-?\n\s*(.*)/.exec(yaml)?.[1]
    if (type === 'subtestsFailed') continue // a suite whose tests are listed themselves
    const how = type === 'cancelledByParent' ? 'cancelled' : type === 'hookFailed' ? `a hook failed: ${error ?? '?'}` : (error ? error.slice(0, 200) : 'failed')
    out.push(`${title} (${how})`)
  }
  return out
}

/** A runner that exited non-zero with nothing counted as failed still fails the run. */
function closeWithExitCode (r) {
  if (r.exitCode !== 0 && r.failed === 0) {
    r.failed++
    r.failures.push(`${r.runner}: exited ${r.exitCode ?? 'by a signal'} although every test it reported passed`)
  }
}

/**
 * The whole run: the final line, the list of failures and the process exit code.
 * @param {RunnerResult[]} results
 */
export function summarise (results) {
  const passed = results.reduce((s, r) => s + r.passed, 0)
  const failed = results.reduce((s, r) => s + r.failed, 0)
  const failures = results.flatMap(r => r.failures)
  const anyExit = results.some(r => r.exitCode !== 0)
  const text = (failures.length ? `Failed:\n${failures.map(f => '  - ' + f).join('\n')}\n` : '') + `${passed} passed, ${failed} failed\n`
  return { passed, failed, failures, line: `${passed} passed, ${failed} failed`, text, exitCode: failed > 0 || anyExit ? 1 : 0 }
}
