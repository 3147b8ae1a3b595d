import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { buildDrawList, createCamera, createDrawList, createPose, samplePose, setCamera, renderDrawList, type Canvas2DLike } from '../../../src/core/avatar'
import { SIGNS, tl1 } from './fixtures'

describe('zero allocation on the per-frame path', () => {
  test('10 000 frames return the same Float32Array / typed-array instances', () => {
    const tl = tl1(SIGNS.twoCircle)
    const pose = createPose()
    const cam = setCamera(createCamera(), { view: '45', mirror: false, closeUp: false, width: 360, height: 480 })
    const list = createDrawList()
    const refs = [pose.joints, pose.hands[0], pose.hands[1], pose.face, pose.handQuat, pose.shapes[0], list.data, list.order, list.kind]
    for (let i = 0; i < 10000; i++) {
      const p = samplePose(tl, (i % 600) / 100, pose)
      const l = buildDrawList(p, cam, list)
      expect(p).toBe(pose)
      expect(l).toBe(list)
    }
    expect([pose.joints, pose.hands[0], pose.hands[1], pose.face, pose.handQuat, pose.shapes[0], list.data, list.order, list.kind]).toEqual(refs)
    refs.forEach((r, i) => expect([pose.joints, pose.hands[0], pose.hands[1], pose.face, pose.handQuat, pose.shapes[0], list.data, list.order, list.kind][i]).toBe(r))
    for (const v of pose.joints) expect(Number.isFinite(v)).toBe(true)
  })

  test('the hot-path sources contain no allocation syntax inside samplePose / buildDrawList / renderDrawList', () => {
    // A static proxy complementing the heap measurement in scripts/bench/engine.ts.
    const dir = join(__dirname, '../../../src/core/avatar')
    const body = (file: string, fn: string): string => {
      const src = readFileSync(join(dir, file), 'utf8')
      const start = src.indexOf(`export function ${fn} `)
      expect(start).toBeGreaterThan(-1)
      const open = src.indexOf('{', src.indexOf(')', start))
      let depth = 0; let i = open
      for (; i < src.length; i++) { if (src[i] === '{') depth++; else if (src[i] === '}' && --depth === 0) break }
      return src.slice(open, i)
    }
    for (const [file, fn] of [['pose.ts', 'samplePose'], ['drawlist.ts', 'buildDrawList'], ['render.ts', 'renderDrawList']]) {
      const b = body(file, fn)
      expect(b).not.toMatch(/\bnew\s/)
      expect(b).not.toMatch(/=>/)
      expect(b).not.toMatch(/`/)
    }
  })

  test('the renderer issues only palette strings (no string building) and balanced save/restore', () => {
    const tl = tl1(SIGNS.xiexie)
    const pose = samplePose(tl, 1, createPose())
    const list = buildDrawList(pose, setCamera(createCamera(), { view: 'front', mirror: false, closeUp: false, width: 200, height: 260 }), createDrawList())
    const styles = new Set<unknown>(); let saves = 0; let restores = 0
    const ctx: Canvas2DLike = {
      beginPath () {}, moveTo () {}, lineTo () {}, arc () {}, ellipse () {}, closePath () {}, fill () {}, stroke () {},
      fillRect () {}, clearRect () {}, save () { saves++ }, restore () { restores++ }, setTransform () {},
      set fillStyle (v: unknown) { styles.add(v) }, get fillStyle () { return '' },
      set strokeStyle (v: unknown) { styles.add(v) }, get strokeStyle () { return '' },
      lineWidth: 1, lineCap: 'butt', lineJoin: 'miter', globalAlpha: 1
    }
    renderDrawList(ctx, list)
    expect(saves).toBe(1); expect(restores).toBe(1)
    for (const s of styles) expect(s).toMatch(/^#[0-9A-F]{6}$/)
  })

  test('no Math.random / Date.now in the engine (time and randomness are parameters)', () => {
    const dir = join(__dirname, '../../../src/core/avatar')
    for (const f of ['timeline.ts', 'pose.ts', 'drawlist.ts', 'render.ts', 'player.ts', 'ik.ts', 'hand-model.ts', 'camera.ts', 'math.ts']) {
      // Code only: comments may name the forbidden calls to explain the rule.
      const src = readFileSync(join(dir, f), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '')
      expect(src).not.toMatch(/Math\.random|Date\.now|new Date/)
    }
  })
})
