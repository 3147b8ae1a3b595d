/**
 * Behaviour fingerprint of the avatar engine, for refactors that must not change what is drawn
 * (docs/avatar.md, "Bundle"): every dictionary entry's compiled timeline (phases, contacts, view
 * advice, segments, face events), its trail and framing knots, the pose at 13 times and the draw lists in two views
 * (front; 45° mirrored close-up, one with the trail), plus a three-sign sequence every 50 entries,
 * hashed per entry.
 *
 *   npx tsx scripts/dev/engine-hash.ts save [file]   record the hashes (before the change)
 *   npx tsx scripts/dev/engine-hash.ts [file]        compare (after): prints how many entries differ
 *   npx tsx scripts/dev/engine-hash.ts [file] --all  and every differing id (the first 20 without it)
 *
 * The file defaults to engine-hash.json in the system's temp folder. Run `npm run data` first; the
 * dictionary must be the same for both runs.
 */
import { createHash, type Hash } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  type TimelineItem, buildDrawList, compileTimeline, computeTrail, createCamera, createDrawList, createPose, samplePose, setCamera, viewAdvice
} from '../../src/core/avatar'
import { entryItems } from '../cli/render'
import { loadDictionary } from '../cli/search'

const all = process.argv.includes('--all')
const args = process.argv.slice(2).filter(a => a !== '--all')
const save = args[0] === 'save'
const file = (save ? args[1] : args[0]) ?? join(tmpdir(), 'engine-hash.json')
const dict = loadDictionary()
if (typeof dict === 'string') throw new Error(`${dict} (run npm run data first)`)
const feed = (h: Hash, a: ArrayLike<number>): void => { h.update(Buffer.from(Float64Array.from(a).buffer)) }

function hashItems (items: TimelineItem[]): string {
  const h = createHash('sha256')
  // Fresh cameras, pose and draw list per entry: state carried over from the previous entry (the
  // close-up camera's aim, the pose) would make one real change show up in every later entry.
  const cams = [
    setCamera(createCamera(), { view: 'front', mirror: false, closeUp: false, width: 360, height: 480 }),
    setCamera(createCamera(), { view: '45', mirror: true, closeUp: true, width: 360, height: 480 })
  ]
  const pose = createPose(); const list = createDrawList()
  const tl = compileTimeline(items, { ambient: false })
  h.update(JSON.stringify(tl.phases) + JSON.stringify(tl.contacts) + JSON.stringify(viewAdvice(items)))
  for (const hand of tl.hands) feed(h, hand.seg)
  feed(h, tl.face)
  const trail = computeTrail(tl)
  feed(h, trail.pts); feed(h, trail.ft); feed(h, trail.fy); feed(h, trail.fw)
  for (let k = 0; k <= 12; k++) {
    samplePose(tl, tl.duration * k / 12, pose)
    for (const v of Object.values(pose)) if (ArrayBuffer.isView(v)) feed(h, v as unknown as ArrayLike<number>)
    for (const cam of cams) {
      buildDrawList(pose, cam, list, k === 6 ? trail : null)
      feed(h, list.data.subarray(0, list.count * 24)); feed(h, list.order.subarray(0, list.count)); feed(h, list.npts.subarray(0, list.count))
    }
  }
  return h.digest('hex')
}

const hashes: Record<string, string> = {}
const entries = dict.entries
for (let i = 0; i < entries.length; i++) {
  const r = entryItems(dict, entries[i])
  if ('error' in r) continue
  hashes[entries[i].id] = hashItems(r.items)
  if (i % 50 === 0 && i + 2 < entries.length) {
    const a = entryItems(dict, entries[i + 1]); const b = entryItems(dict, entries[i + 2])
    if (!('error' in a) && !('error' in b)) hashes[`seq:${entries[i].id}`] = hashItems([...r.items, ...a.items, ...b.items])
  }
}
if (save || !existsSync(file)) {
  writeFileSync(file, JSON.stringify(hashes))
  console.log(`${Object.keys(hashes).length} hashes saved to ${file}`)
} else {
  const before = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>
  const differ = Object.keys(before).filter(k => before[k] !== hashes[k])
  console.log(`${Object.keys(hashes).length} entries, ${differ.length} differ${differ.length > 0 ? ': ' + differ.slice(0, all ? undefined : 20).join(' ') : ''}`)
  process.exitCode = differ.length > 0 ? 1 : 0
}
