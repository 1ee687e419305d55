import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { AppError } from '../../../src/shared/errors'
import { readTable } from '../../../src/main/import/index'
import type { ReadOptions, ReadResult, SourceRow } from '../../../src/main/import/types'

/** A temp dir per test file, removed in afterAll. */
export function tempDir(): {
  dir: string
  file: (name: string, content: string | Buffer) => string
  remove: () => void
} {
  const dir = mkdtempSync(join(tmpdir(), 'kb-import-'))
  return {
    dir,
    file: (name, content) => {
      const p = join(dir, name)
      writeFileSync(p, content)
      return p
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  }
}

export async function readAll(
  file: string,
  options: ReadOptions = {},
): Promise<ReadResult & { rows: SourceRow[] }> {
  const rows: SourceRow[] = []
  const res = await readTable(file, options, (chunk) => {
    rows.push(...chunk)
  })
  return { ...res, rows }
}

/** The AppError a read throws (fails the test if it does not throw one). */
export async function readError(file: string, options: ReadOptions = {}): Promise<AppError> {
  try {
    await readAll(file, options)
  } catch (e) {
    if (e instanceof AppError) return e
    throw new Error(`expected an AppError, got ${String(e)}`)
  }
  throw new Error('expected the read to fail')
}

export function utf16(text: string, endian: 'le' | 'be'): Buffer {
  const le = Buffer.from(`\uFEFF${text}`, 'utf16le')
  if (endian === 'le') return le
  const be = Buffer.alloc(le.length)
  for (let i = 0; i < le.length; i += 2) {
    be[i] = le[i + 1]
    be[i + 1] = le[i]
  }
  return be
}

export function win1252(text: string): Buffer {
  const map: Record<string, number> = { '€': 0x80 }
  return Buffer.from([...text].map((ch) => map[ch] ?? ch.charCodeAt(0)))
}
