import { appendFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'

export interface Logger {
  info(message: string, data?: unknown): void
  warn(message: string, data?: unknown): void
  error(message: string, data?: unknown): void
}

const SECRET_KEYS =
  /^(authorization|client_secret|clientSecret|access_token|accessToken|password|secret|token)$/i

/**
 * Removes credentials from anything about to be logged: bearer/basic headers, JWT-looking
 * strings and values under secret-sounding keys. The log must never hold a secret.
 */
export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') {
    return value
      .replace(/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/g, '$1 [redacted]')
      .replace(/\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g, '[redacted-jwt]')
  }
  if (value instanceof Error) {
    return { name: value.name, message: redact(value.message), stack: redact(value.stack ?? '') }
  }
  if (Array.isArray(value)) return depth > 6 ? '[…]' : value.map((v) => redact(v, depth + 1))
  if (value && typeof value === 'object') {
    if (depth > 6) return '[…]'
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) {
      out[k] = SECRET_KEYS.test(k) ? '[redacted]' : redact(v, depth + 1)
    }
    return out
  }
  return value
}

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
        mkdirSync(dir, { recursive: true })
        ready = true
      }
      if (existsSync(file) && statSync(file).size > maxBytes) rotate()
      const extra = data === undefined ? '' : ` ${JSON.stringify(redact(data))}`
      appendFileSync(file, `${now().toISOString()} ${level} ${redact(message)}${extra}\n`)
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
