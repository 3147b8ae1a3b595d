import { formatDataIssue } from '../../src/core/sign/entry'
import { checkSources } from '../../src/core/sign/validate'
import { loadSources } from '../data/compile'
import type { CliCommand } from './types'

/** Checks every dictionary source (the same checks `npm run data` runs before writing). */
const validate: CliCommand = {
  name: 'validate',
  summary: '检查词典源文件（src/data），列出所有问题',
  usage: 'validate [--json]',
  flags: [],
  run ({ json, out }) {
    const src = loadSources()
    const { categories, entries, issues } = checkSources(src.categories, src.files)
    if (json) {
      out(JSON.stringify({ ok: issues.length === 0, entries: entries.length, files: src.files.length, categories: categories.length, issues }))
    } else if (issues.length > 0) {
      for (const i of issues) out(formatDataIssue(i))
      out(`共 ${issues.length} 个问题（${entries.length} 个条目，${src.files.length} 个文件）。`)
    } else {
      out(`词典数据无误：${entries.length} 个条目，${src.files.length} 个文件，${categories.length} 个分类。`)
    }
    return issues.length > 0 ? 1 : 0
  }
}
export default validate
