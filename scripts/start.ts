/**
 * npm start: compile the dictionary, bundle the cloud functions, build the H5 app, then serve
 * both on http://localhost:$PORT (default 8080). Works with no API key (the translate function
 * falls back to the offline translator) and no WeChat account.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { startLocalServer } from './lib/server'

const ROOT = join(__dirname, '..')
const DEFAULT_PORT = 8080

function run (label: string, cmd: string, args: string[]): void {
  process.stdout.write(`▶ ${label}…\n`)
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env: process.env })
  if (r.status !== 0) {
    process.stderr.write(`✖ ${label}失败（退出码 ${r.status}）。请查看上面的输出。\n`)
    process.exit(r.status ?? 1)
  }
}

async function main (): Promise<void> {
  const port = Number(process.env.PORT ?? DEFAULT_PORT)
  // PORT=0 asks the system for a free port (the browser tests do): the line below reports it.
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`PORT 必须是 0–65535 之间的整数（0 表示任选一个空闲端口），现在是 “${process.env.PORT}”。\n`)
    process.exit(2)
  }
  if (!process.argv.includes('--no-build')) {
    run('编译词典数据', 'npm', ['run', '-s', 'data'])
    run('打包云函数', 'npx', ['tsx', 'scripts/build-functions.ts'])
    run('构建 H5 应用', 'npx', ['taro', 'build', '--type', 'h5'])
  }
  mkdirSync(join(ROOT, 'data'), { recursive: true })
  const sqlite = process.env.SHOUYU_SQLITE || join(ROOT, 'data', 'local.sqlite')
  process.env.SHOUYU_SQLITE = sqlite
  const rationEnv = Number(process.env.SHOUYU_NEW_USERS_PER_MINUTE)
  const server = await startLocalServer({
    port,
    host: process.env.HOST ?? '127.0.0.1',
    staticDir: join(ROOT, 'dist', 'h5'),
    functionsDir: join(ROOT, 'cloudfunctions'),
    // The cookie secret lives beside the data it protects (or comes from SHOUYU_COOKIE_SECRET).
    dataDir: sqlite === ':memory:' ? undefined : dirname(sqlite),
    cookieSecret: process.env.SHOUYU_COOKIE_SECRET,
    // Load tests (the bench) play many users from one address.
    newUsersPerMinute: Number.isInteger(rationEnv) && rationEnv > 0 ? rationEnv : undefined
  })
  const keyNote = process.env.GLM_API_KEY ? `模型：${process.env.GLM_MODEL ?? 'glm-4-flash-250414'}` : '未设置 GLM_API_KEY：翻译使用离线规则'
  const address = server.address()
  const bound = typeof address === 'object' && address ? address.port : port
  process.stdout.write(`\n手语词典已启动： http://localhost:${bound}/\n（${keyNote}；数据保存在 ${process.env.SHOUYU_SQLITE}）\n按 Ctrl+C 停止。\n`)
}

main().catch(e => { process.stderr.write(`启动失败: ${(e as Error)?.message ?? e}\n`); process.exit(1) })
