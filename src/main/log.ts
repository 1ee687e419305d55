import { appendFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { redact } from './redact'

export interface Logger {
  info(message: string, data?: unknown): void
  warn(message: string, data?: unknown): void
  error(message: string, data?: unknown): void
}

export { redact } from './redact'

export interface FileLoggerOptions {
  maxBytes?: number
  keep?: number
  now?: () => Date
}

/** A small rotating log: `kravia-batch.log`, rotated to `.1`…`.keep` past `maxBytes`. */
export function createFileLogger(dir: string, options: FileLoggerOptions = {}): Logger & { file: string } {
  const maxBytes = options.maxBytes ?? 2 * 1024 * 1024
  const keep = options.keep ?? 3
  const now = options.now ?? (() => new Date())
  const file = join(dir, 'kravia-batch.log')
  let ready = false

  const rotate = () => {
    rmSync(`${file}.${keep}`, { force: true })
    for (let i = keep - 1; i >= 1; i--) {
      if (existsSync(`${file}.${i}`)) renameSync(`${file}.${i}`, `${file}.${i + 1}`)
    }
    renameSync(file, `${file}.1`)
  }

  const write = (level: string, message: string, data?: unknown) => {
    try {
      if (!ready) {
        mkdirSync(dir, { recursive: true, mode: 0o700 })
        ready = true
      }
      if (existsSync(file) && statSync(file).size > maxBytes) rotate()
      const extra = data === undefined ? '' : ` ${JSON.stringify(redact(data))}`
      appendFileSync(file, `${now().toISOString()} ${level} ${redact(message)}${extra}\n`, { mode: 0o600 })
    } catch {
      // Logging must never take the app down (read-only or full disk).
    }
  }
  return {
    file,
    info: (m, d) => write('INFO', m, d),
    warn: (m, d) => write('WARN', m, d),
    error: (m, d) => write('ERROR', m, d),
  }
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} }
