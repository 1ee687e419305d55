import { AppError } from '../../shared/errors'
import type { Logger } from '../log'

/** Exit codes shared by every command. */
export const Exit = {
  ok: 0,
  invalid: 1,
  usage: 2,
  stopped: 3,
  internal: 4,
} as const
export type ExitCode = (typeof Exit)[keyof typeof Exit]

export interface CliContext {
  dataDir: string
  json: boolean
  verbose: boolean
  log: Logger
  env: NodeJS.ProcessEnv
  /** Whether a person is at a terminal (confirmations may be asked). */
  interactive: boolean
  out(line: string): void
  err(line: string): void
  /** Aborted on the first SIGINT/SIGTERM: commands stop cleanly and exit 3. */
  signal: AbortSignal
}

export interface Command {
  name: string
  summary: string
  usage: string
  run(args: string[], ctx: CliContext): Promise<ExitCode>
}

export function usageError(message: string): AppError {
  return new AppError('usage', message, { exitCode: 2 })
}
