// Types of test-summary.mjs (plain JavaScript so `npm test` runs it with node alone).
export interface RunnerResult { runner: string; passed: number; failed: number; failures: string[]; exitCode: number | null }
export function fromStep (name: string, exitCode: number | null): RunnerResult
export function fromJest (name: string, jsonText: string | undefined, exitCode: number | null): RunnerResult
export function fromTap (name: string, tap: string | undefined, exitCode: number | null): RunnerResult
export function summarise (results: RunnerResult[]): { passed: number; failed: number; failures: string[]; line: string; text: string; exitCode: 0 | 1 }
