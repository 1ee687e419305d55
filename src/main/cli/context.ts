import { type ParseArgsConfig, parseArgs } from 'node:util'
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

type Options = NonNullable<ParseArgsConfig['options']>

/** util.parseArgs with strict checking, turning its errors into one-line usage errors. */
export function parseCommandArgs<O extends Options>(command: string, args: string[], options: O) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true })
  } catch (e) {
    const message = e instanceof Error ? e.message.split('\n')[0] : String(e)
    throw usageError(`${command}: ${message}. See --help.`)
  }
}

export function parseIntOption(
  name: string,
  raw: string | undefined,
  min: number,
  max: number,
): number | undefined {
  if (raw === undefined) return undefined
  if (!/^-?\d+$/.test(raw.trim())) throw usageError(`--${name} must be a whole number, got "${raw}".`)
  const n = Number(raw)
  if (n < min || n > max) throw usageError(`--${name} must be between ${min} and ${max}, got ${n}.`)
  return n
}

export function parseNumberOption(
  name: string,
  raw: string | undefined,
  min: number,
  max: number,
): number | undefined {
  if (raw === undefined) return undefined
  const n = Number(raw)
  if (!Number.isFinite(n) || n < min || n > max) {
    throw usageError(`--${name} must be a number between ${min} and ${max}, got "${raw}".`)
  }
  return n
}
