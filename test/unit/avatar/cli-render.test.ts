import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { main } from '../../../scripts/cli'

describe('cli render', () => {
  let dir = ''
  beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'render-test-')) })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  async function run (...argv: string[]): Promise<{ code: number; out: string; err: string }> {
    let out = ''; let err = ''
    const code = await main(argv, s => { out += s + '\n'; return true }, s => { err += s + '\n'; return true })
    return { code, out, err }
  }

  test('renders a letter strip to a PNG without the dictionary', async () => {
    const file = join(dir, 'a.png')
    const r = await run('render', 'a', '--out', file, '--frames', '3', '--angle', '45', '--mirror')
    expect(r.code).toBe(0)
    expect(r.out).toContain('3 帧')
    const png = readFileSync(file)
    expect(png.subarray(1, 4).toString()).toBe('PNG')
    expect(png.readUInt32BE(16)).toBeGreaterThan(3 * 200) // width: three frames side by side
  })

  test('a missing word: Chinese message, exit 1, no file written', async () => {
    const file = join(dir, 'missing.png')
    const r = await run('render', '不存在的词语', '--out', file)
    expect(r.code).toBe(1)
    expect(r.err).toContain('没有找到“不存在的词语”')
    expect(existsSync(file)).toBe(false)
  })

  test('bad options are usage errors (exit 2) with a Chinese message', async () => {
    expect((await run('render', 'A')).code).toBe(2)
    const r = await run('render', 'A', '--out', join(dir, 'x.png'), '--angle', 'top')
    expect(r.code).toBe(2)
    expect(r.err).toContain('--angle 只能是 front、45 或 side')
    expect((await run('render', 'A', '--out', join(dir, 'x.png'), '--frames', '0')).code).toBe(2)
  })
})
