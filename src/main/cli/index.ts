import { readFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { AppError, isAppError } from '../../shared/errors'
import { createFileLogger, redact } from '../log'
import { resolveDataDir } from '../paths'
import { commands } from './commands'
import { type CliContext, Exit, type ExitCode, runCommand } from './context'
import { parseGlobal } from './global'

const BIN = 'kravia-batch'

/** From the sources (src/main/cli) or the bundle (out/cli, scripts/build-cli.mjs): the nearest package.json. */
function version(): string {
  for (const rel of ['../../../package.json', '../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8')) as {
        name?: string
        version: string
      }
      if (pkg.name === 'kravia-batch') return pkg.version
    } catch {
      // not at this level
    }
  }
  return 'unknown'
}

async function mainUsage(): Promise<string> {
  const lines = [
    `Usage: npm run -s cli -- <command> [options]`,
    '',
    'Kravia Batch turns a spreadsheet of invoices into Kravia invoices through Dintero.',
    '',
    'Commands:',
  ]
  for (const [name, load] of Object.entries(commands)) {
    const cmd = await load()
    lines.push(`  ${name.padEnd(10)} ${cmd.summary}`)
  }
  lines.push(
    '',
    'Global options (before or after the command):',
    '  --data-dir DIR  where the journal, settings and log live (env KRAVIA_BATCH_DATA_DIR)',
    '  --json          machine-readable output on stdout',
    '  --verbose       include internal details (stack traces) in errors',
    '  --help, -h      show help (for a command: <command> --help)',
    '  --version, -V   print the version',
    '',
    'Exit codes: 0 done, 1 invalid or failed rows, 2 usage/input/credentials, 3 stopped before the end, 4 internal error.',
    'Credentials for test/production come only from DINTERO_CLIENT_ID and DINTERO_CLIENT_SECRET.',
  )
  return lines.join('\n')
}

let pipeGuard = false

/** `validate … | head` closes the pipe early: that is the reader being done, not an error to print. */
function exitQuietlyOnClosedPipe(): void {
  if (pipeGuard) return
  pipeGuard = true
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0)
    throw e
  })
}

/**
 * One line to stdout. A long line (a slice of --json output, megabytes) is written as it is and
 * the line break after it: joining them first would copy the whole text once more.
 */
function writeLine(line: string): void {
  if (line.length < 65536) process.stdout.write(`${line}\n`)
  else {
    process.stdout.write(line)
    process.stdout.write('\n')
  }
}

export async function runCli(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<ExitCode> {
  exitQuietlyOnClosedPipe()
  let json = false
  let verbose = argv.includes('--verbose')
  const controller = new AbortController()
  const onSignal = () => {
    if (controller.signal.aborted) process.exit(Exit.stopped)
    controller.abort()
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  try {
    const global = parseGlobal(argv)
    json = global.json
    verbose = global.verbose
    if (global.version) {
      process.stdout.write(`${version()}\n`)
      return Exit.ok
    }
    const [name, ...args] = global.rest
    if (!name) {
      process.stdout.write(`${await mainUsage()}\n`)
      return global.help ? Exit.ok : Exit.usage
    }
    const load = commands[name]
    if (!load) throw new AppError('usage', `Unknown command "${name}". Run with --help to see the commands.`)
    const command = await load()
    if (global.help) {
      process.stdout.write(`${command.usage}\n`)
      return Exit.ok
    }
    const dataDir = resolveDataDir(global.dataDir, env)
    const ctx: Omit<CliContext, 'connector'> = {
      dataDir,
      json,
      verbose,
      env,
      log: createFileLogger(dataDir),
      interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
      out: writeLine,
      err: (line) => process.stderr.write(`${line}\n`),
      signal: controller.signal,
    }
    return await runCommand(command, args, ctx)
  } catch (e) {
    return reportError(e, json, verbose)
  } finally {
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
  }
}

function reportError(e: unknown, json: boolean, verbose: boolean): ExitCode {
  if (isAppError(e)) {
    process.stderr.write(`${BIN}: ${e.message}\n`)
    if (verbose && e.options.detail) process.stderr.write(`${redact(e.options.detail)}\n`)
    if (json) {
      const { file, line, column, message_nb } = e.options
      process.stdout.write(
        `${JSON.stringify({ error: { code: e.code, message: e.message, message_nb, file, line, column } })}\n`,
      )
    }
    return e.exitCode
  }
  const message = e instanceof Error ? e.message : String(e)
  process.stderr.write(
    `${BIN}: internal error: ${redact(message)}${verbose ? '' : ' (run with --verbose for details)'}\n`,
  )
  if (verbose && e instanceof Error && e.stack) process.stderr.write(`${redact(e.stack)}\n`)
  if (json)
    process.stdout.write(
      `${JSON.stringify({ error: { code: 'internal', message: String(redact(message)) } })}\n`,
    )
  return Exit.internal
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href
if (isMain || process.env.KRAVIA_BATCH_CLI === '1') {
  // `validate … | head` closes the pipe early: that is the reader being done, not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0)
    throw e
  })
  runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code
  })
}
