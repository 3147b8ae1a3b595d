import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCanvas, loadImage } from '@napi-rs/canvas'
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

  test('--trail draws the movement path: the same strip with and without it differs only where the path is', async () => {
    const plain = join(dir, 'plain.png'); const trail = join(dir, 'trail.png')
    expect((await run('render', 'ZH', '--out', plain, '--frames', '2')).code).toBe(0)
    const r = await run('render', 'ZH', '--out', trail, '--frames', '2', '--trail')
    expect(r.code).toBe(0)
    const a = await loadImage(readFileSync(plain)); const b = await loadImage(readFileSync(trail))
    expect([b.width, b.height]).toEqual([a.width, a.height])
    const px = (img: Awaited<ReturnType<typeof loadImage>>) => {
      const c = createCanvas(img.width, img.height); const ctx = c.getContext('2d'); ctx.drawImage(img, 0, 0)
      return ctx.getImageData(0, 0, img.width, img.height).data
    }
    const da = px(a); const db = px(b)
    let changed = 0; let dark = 0
    // Below the title (its text says 轨迹), in the frames.
    for (let o = (40 * a.width) * 4; o < da.length; o += 4) {
      if (da[o] !== db[o] || da[o + 1] !== db[o + 1] || da[o + 2] !== db[o + 2]) {
        changed++
        if (db[o] < 80 && db[o + 1] < 80 && db[o + 2] < 80) dark++
      }
    }
    expect(changed).toBeGreaterThan(50)
    // The path is drawn in near-black dots, as the national illustrations draw theirs.
    expect(dark).toBeGreaterThan(20)
    expect(changed).toBeLessThan(da.length / 4 / 20)
  })

  test('--sheet: one labelled row per word, three frames each (start, key frame with the path, end)', async () => {
    const file = join(dir, 'sheet.png')
    const r = await run('render', '--sheet', 'A', 'ZH', '5', '--out', file)
    expect(r.code).toBe(0)
    expect(r.out).toContain('3 个词')
    const img = await loadImage(readFileSync(file))
    expect((await run('render', '--sheet', 'A', '--out', join(dir, 'one.png'))).code).toBe(0)
    const one = await loadImage(readFileSync(join(dir, 'one.png')))
    // Three rows are three times as tall as one (less the shared margin); three frames wide plus the label.
    expect(Math.abs(img.height - (3 * (one.height - 8) + 8))).toBeLessThanOrEqual(1)
    expect(img.width).toBeGreaterThan(3 * 200)
  })

  test('--sheet with a word it cannot find: Chinese message, exit 1, no file; without words: a usage error', async () => {
    const file = join(dir, 'bad-sheet.png')
    const r = await run('render', '--sheet', 'A', '不存在的词语', '--out', file)
    expect(r.code).toBe(1)
    expect(r.err).toContain('没有找到“不存在的词语”')
    expect(existsSync(file)).toBe(false)
    const u = await run('render', '--sheet', '--out', file)
    expect(u.code).toBe(2)
    expect(u.err).toContain('--sheet 后面要写至少一个词')
  })

  test('bad options are usage errors (exit 2) with a Chinese message', async () => {
    expect((await run('render', 'A')).code).toBe(2)
    const r = await run('render', 'A', '--out', join(dir, 'x.png'), '--angle', 'top')
    expect(r.code).toBe(2)
    expect(r.err).toContain('--angle 只能是 front、45 或 side')
    expect((await run('render', 'A', '--out', join(dir, 'x.png'), '--frames', '0')).code).toBe(2)
  })
})
