/**
 * 手语词典 command-line tool for dictionary editors and scripting.
 * Usage: npm run -s cli -- <command> [args] [--json]
 * Commands are the modules in scripts/cli/ (each default-exports a CliCommand).
 */
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { type CliArgs, type CliCommand, UsageError } from './cli/types'

const EXIT_USAGE = 2

export async function loadCommands (): Promise<CliCommand[]> {
  const dir = join(__dirname, 'cli')
  const files = readdirSync(dir).filter(f => f.endsWith('.ts') && f !== 'types.ts' && !f.startsWith('_')).sort()
  const cmds: CliCommand[] = []
  for (const f of files) {
    const mod = await import(join(dir, f))
    const cmd: CliCommand | undefined = mod.default?.default ?? mod.default
    if (cmd && typeof cmd.run === 'function') cmds.push(cmd)
  }
  return cmds
}

/** Splits argv into positionals and flags, checking flags against what the command accepts. */
export function parseArgs (argv: string[], accepted: string[]): Omit<CliArgs, 'out' | 'err'> {
  const positional: string[] = []
  const flags: Record<string, string | true> = {}
  const takesValue = new Set(accepted.filter(a => a.endsWith('=')).map(a => a.slice(0, -1)))
  const boolean = new Set(accepted.filter(a => !a.endsWith('=')).concat('json', 'help'))
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--') { positional.push(...argv.slice(i + 1)); break }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=')
      const name = eq > 0 ? a.slice(2, eq) : a.slice(2)
      if (takesValue.has(name)) {
        const v = eq > 0 ? a.slice(eq + 1) : argv[++i]
        if (v === undefined) throw new UsageError(`选项 --${name} 需要一个值`)
        flags[name] = v
      } else if (boolean.has(name) && eq < 0) {
        flags[name] = true
      } else {
        throw new UsageError(`未知选项 --${name}`)
      }
    } else {
      positional.push(a)
    }
  }
  return { positional, flags, json: flags.json === true }
}

export function usageText (cmds: CliCommand[]): string {
  const lines = ['用法: npm run -s cli -- <命令> [参数] [--json]', '', '命令:']
  // Usage lines vary a lot in length (render's is long): summary on its own indented line.
  for (const c of cmds) lines.push(`  ${c.usage}`, `      ${c.summary}`)
  return lines.join('\n')
}

export async function main (argv: string[],
  out: (s: string) => void = s => { process.stdout.write(s + '\n') },
  err: (s: string) => void = s => { process.stderr.write(s + '\n') }): Promise<number> {
  const cmds = await loadCommands()
  const name = argv[0]
  const cmd = cmds.find(c => c.name === name)
  if (!cmd) {
    err(name ? `未知命令: ${name}` : '缺少命令')
    err(usageText(cmds))
    return EXIT_USAGE
  }
  try {
    const parsed = parseArgs(argv.slice(1), cmd.flags)
    if (parsed.flags.help === true) { out(`用法: npm run -s cli -- ${cmd.usage}\n${cmd.summary}`); return 0 }
    return await cmd.run({ ...parsed, out, err })
  } catch (e) {
    if (e instanceof UsageError || (e as Error)?.name === 'UsageError') {
      err(`${(e as Error).message}`)
      err(`用法: npm run -s cli -- ${cmd.usage}`)
      return EXIT_USAGE
    }
    throw e
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(code => { process.exitCode = code }, e => {
    process.stderr.write(`出错了: ${(e as Error)?.stack ?? e}\n`)
    process.exitCode = 1
  })
}
