/**
 * A failure the user must understand: one sentence in English (and Norwegian where the UI shows
 * it), with where it happened. `detail` is internal and only shown with --verbose or in the log.
 */
export interface AppErrorOptions {
  message_nb?: string
  file?: string
  line?: number
  column?: string
  detail?: string
  /** CLI exit code this error maps to: 1 invalid rows, 2 unusable input/usage/auth, 3 stopped. */
  exitCode?: 1 | 2 | 3 | 4
}

export class AppError extends Error {
  readonly code: string
  readonly options: AppErrorOptions

  constructor(code: string, message: string, options: AppErrorOptions = {}) {
    super(message)
    this.name = 'AppError'
    this.code = code
    this.options = options
  }

  get exitCode(): 1 | 2 | 3 | 4 {
    return this.options.exitCode ?? 2
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError

/** Exhaustiveness check for switches over unions. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`)
}
