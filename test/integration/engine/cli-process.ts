import { type ChildProcess, spawn } from 'node:child_process'
import { resolve } from 'node:path'

const ROOT = resolve(import.meta.dirname, '../../..')

/** A CLI process in its own process group (so a kill reaches tsx's children too), with its output as lines. */
export interface CliProcess {
  child: ChildProcess
  lines: string[]
  stderr: string[]
  /** Resolves with the first stdout line matching, or rejects when the process exits first. */
  waitFor(predicate: (line: string, all: string[]) => boolean, timeoutMs?: number): Promise<string>
  exit: Promise<number | null>
  killGroup(): void
}

export function startCli(args: string[], env: NodeJS.ProcessEnv = {}): CliProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main/cli/index.ts', ...args], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  })
  const lines: string[] = []
  const stderr: string[] = []
  const watchers = new Set<() => void>()
  let buf = ''
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    buf += chunk
    let i = buf.indexOf('\n')
    while (i >= 0) {
      lines.push(buf.slice(0, i))
      buf = buf.slice(i + 1)
      i = buf.indexOf('\n')
    }
    for (const w of watchers) w()
  })
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => stderr.push(chunk))
  const exit = new Promise<number | null>((res) => child.on('exit', (code) => res(code)))
  let exited = false
  void exit.then(() => {
    exited = true
    for (const w of watchers) w()
  })
  return {
    child,
    lines,
    stderr,
    exit,
    killGroup() {
      if (child.pid && !exited) {
        try {
          process.kill(-child.pid, 'SIGKILL')
        } catch {
          // Already gone.
        }
      }
    },
    waitFor(predicate, timeoutMs = 60_000) {
      return new Promise((res, rej) => {
        const timer = setTimeout(() => {
          watchers.delete(check)
          rej(
            new Error(
              `timed out waiting; last lines: ${lines.slice(-3).join(' | ')} stderr: ${stderr.join('')}`,
            ),
          )
        }, timeoutMs)
        const check = () => {
          const hit = lines.find((l) => predicate(l, lines))
          if (hit !== undefined) {
            clearTimeout(timer)
            watchers.delete(check)
            res(hit)
          } else if (exited) {
            clearTimeout(timer)
            watchers.delete(check)
            rej(new Error(`process exited first; stderr: ${stderr.join('')}`))
          }
        }
        watchers.add(check)
        check()
      })
    },
  }
}

export function invoiceEvents(lines: readonly string[]): number {
  let n = 0
  for (const l of lines) if (l.startsWith('{"event":"invoice"')) n++
  return n
}
