import { AppError } from '../../shared/errors'
import { type Connector, createConnector, processEnvCredentials } from '../environments/connect'
import { realConnectors } from '../environments/connectors'
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
  /**
   * The one connection to Dintero of the CLI: credentials from DINTERO_CLIENT_ID /
   * DINTERO_CLIENT_SECRET, a built-in sandbox started when first needed and stopped when the
   * command ends.
   */
  connector: Connector
}

export interface Command {
  name: string
  summary: string
  usage: string
  run(args: string[], ctx: CliContext): Promise<ExitCode>
}

/**
 * Runs a command with the CLI's one connection to Dintero (credentials from the process
 * environment), closed when the command ends: a built-in sandbox it started stops with it.
 */
export async function runCommand(
  command: Command,
  args: string[],
  context: Omit<CliContext, 'connector'>,
): Promise<ExitCode> {
  const connector = createConnector({
    dataDir: context.dataDir,
    credentials: processEnvCredentials(context.env),
    ...realConnectors,
  })
  try {
    return await command.run(args, { ...context, connector })
  } finally {
    await connector.close()
  }
}

export function usageError(message: string): AppError {
  return new AppError('usage', message, { exitCode: 2 })
}
