/**
 * Bundles each cloud function (cloudfunctions/<name>/index.ts) with esbuild into the deployable
 * cloudfunctions/<name>/index.js, next to its package.json and config.json. src/core and the
 * compiled dictionary are bundled in (reused, never copied); wx-server-sdk stays external (WeChat
 * installs it from the function's package.json), better-sqlite3 too (only the local server
 * loads it), and @node-rs/jieba (a native addon, installed in the cloud from translate/package.json).
 */
import { build } from 'esbuild'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

export const FUNCTIONS_DIR = join(__dirname, '..', 'cloudfunctions')

export function functionNames (): string[] {
  return readdirSync(FUNCTIONS_DIR)
    .filter(n => !n.startsWith('_') && !n.startsWith('.'))
    .filter(n => statSync(join(FUNCTIONS_DIR, n)).isDirectory() && existsSync(join(FUNCTIONS_DIR, n, 'index.ts')))
    .sort()
}

export async function buildFunctions (names = functionNames()): Promise<Array<{ name: string, bytes: number }>> {
  const out: Array<{ name: string, bytes: number }> = []
  for (const name of names) {
    const outfile = join(FUNCTIONS_DIR, name, 'index.js')
    await build({
      entryPoints: [join(FUNCTIONS_DIR, name, 'index.ts')],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node16',
      minify: false,
      legalComments: 'none',
      // @node-rs/jieba is a native addon (a .node binary esbuild cannot bundle): the translate
      // function declares it in its package.json and WeChat installs it in the cloud (云端安装依赖).
      external: ['wx-server-sdk', 'better-sqlite3', '@node-rs/jieba', '@node-rs/jieba/dict'],
      logLevel: 'warning'
    })
    out.push({ name, bytes: statSync(outfile).size })
  }
  return out
}

if (require.main === module) {
  buildFunctions().then(list => {
    for (const f of list) process.stdout.write(`云函数 ${f.name}: ${(f.bytes / 1024).toFixed(0)} KB\n`)
  }, e => { process.stderr.write(`云函数打包失败: ${(e as Error).message}\n`); process.exitCode = 1 })
}
