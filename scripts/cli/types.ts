/** A CLI command module: scripts/cli/<name>.ts default-exports one of these. */
import { AppError } from '../../src/core/base/errors'
export interface CliCommand {
  name: string
  /** One line, shown by `help`. */
  summary: string
  /** Usage line(s) after `cli `, e.g. 'search <query> [--json] [--limit N]'. */
  usage: string
  /** Flags the command accepts; value flags end with '=' ('out=' takes a value, 'json' does not). */
  flags: string[]
  /** Returns the process exit code. */
  run(args: CliArgs): Promise<number> | number
}

export interface CliArgs {
  positional: string[]
  /** Boolean flags are true; value flags hold their string. */
  flags: Record<string, string | true>
  json: boolean
  out: (s: string) => void
  err: (s: string) => void
}

/** Thrown by a command for wrong usage: the CLI prints the usage and exits 2. */
export class UsageError extends AppError {
  constructor (message: string) {
    super('USAGE', message)
  }
}
