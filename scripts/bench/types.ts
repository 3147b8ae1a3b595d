/** A benchmark module: scripts/bench/<name>.ts default-exports one of these. */
export interface Bench {
  /** Prefix of its figures, e.g. 'search' gives 'search.p95_ms'. */
  name: string
  /** Runs the measurement; returns flat figures named '<name>.<figure>'. Log progress with `log` (stderr). */
  run(log: (s: string) => void): Promise<Record<string, number>>
}
