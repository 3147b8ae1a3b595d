/** Temporary folders for tests: made under the system temp dir and always removed afterwards. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export async function withTempDir<T> (prefix: string, fn: (dir: string) => T | Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  try {
    return await fn(dir)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** An SQLite path that cannot be opened (its parent is a regular file), inside `dir`. */
export function unopenableSqlitePath (dir: string): string {
  const file = join(dir, 'plain-file')
  writeFileSync(file, 'x')
  return join(file, 'db.sqlite')
}
