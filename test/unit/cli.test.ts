/** The editors' command-line tool: help, and usage errors with exit code 2. */
import { main } from '../../scripts/cli'

async function run (...argv: string[]): Promise<{ code: number, out: string, err: string }> {
  let out = ''
  let err = ''
  const code = await main(argv, s => { out += s + '\n' }, s => { err += s + '\n' })
  return { code, out, err }
}

test('help lists every command with its usage', async () => {
  const r = await run('help')
  expect(r.code).toBe(0)
  for (const name of ['help', 'validate', 'stats', 'show', 'search', 'render', 'translate', 'feedback']) {
    expect(r.out).toMatch(new RegExp(`^  ${name}\\b`, 'm'))
  }
})

test('help --json is machine-readable', async () => {
  const r = await run('help', '--json')
  const names = JSON.parse(r.out).commands.map((c: { name: string }) => c.name)
  expect(names).toEqual(expect.arrayContaining(['search', 'translate', 'render']))
})

test('an unknown command prints the usage and exits 2', async () => {
  const r = await run('frobnicate')
  expect(r.code).toBe(2)
  expect(r.err).toContain('未知命令: frobnicate')
  expect(r.err).toContain('用法')
})

test('no command at all exits 2', async () => {
  expect((await run()).code).toBe(2)
})

test('an unknown flag prints the command usage and exits 2', async () => {
  const r = await run('search', 'xuexi', '--bogus')
  expect(r.code).toBe(2)
  expect(r.err).toContain('未知选项 --bogus')
  expect(r.err).toContain('search <query>')
})

test('a value flag without its value exits 2', async () => {
  const r = await run('search', 'xuexi', '--limit')
  expect(r.code).toBe(2)
  expect(r.err).toContain('--limit 需要一个值')
})
