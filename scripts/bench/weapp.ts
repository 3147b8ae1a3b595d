import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Bench } from './types'
// eslint-disable-next-line @typescript-eslint/no-require-imports -- weapp-size.js is CommonJS shared with the plain-JS weapp tests
const { weappSizes } = require('../lib/weapp-size')

const DIST = join(__dirname, '..', '..', 'dist', 'weapp')

/** Sizes of the built weapp (run `npm run build:weapp` first; the bench does not build). */
const bench: Bench = {
  name: 'weapp',
  async run (log) {
    if (!existsSync(join(DIST, 'app.json'))) {
      log('dist/weapp 不存在：先运行 npm run build:weapp')
      return {}
    }
    const s = weappSizes(DIST)
    const figures: Record<string, number> = {
      'weapp.main_kb': Math.round(s.main / 102.4) / 10,
      'weapp.total_kb': Math.round(s.total / 102.4) / 10
    }
    const subs = Object.entries(s.subs as Record<string, number>)
    for (const [root, bytes] of subs) figures[`weapp.sub_${root}_kb`] = Math.round(bytes / 102.4) / 10
    // The figure WeChat's 2 MB per-subpackage limit is about: the largest one.
    figures['weapp.max_subpackage_kb'] = Math.max(0, ...subs.map(([, b]) => Math.round(b / 102.4) / 10))
    return figures
  }
}
export default bench
