import type { CliCommand } from './types'

const help: CliCommand = {
  name: 'help',
  summary: '列出所有命令',
  usage: 'help [--json]',
  flags: [],
  async run ({ json, out }) {
    // Imported lazily: cli.ts imports this module while loading commands.
    const { loadCommands, usageText } = await import('../cli')
    const cmds = await loadCommands()
    if (json) out(JSON.stringify({ commands: cmds.map(c => ({ name: c.name, usage: c.usage, summary: c.summary })) }))
    else out(usageText(cmds))
    return 0
  }
}
export default help
