import { randomBytes } from 'node:crypto'
import { afterAll, describe, expect, it } from 'vitest'
import { readAll, readError, tempDir } from './helpers'

const t = tempDir()
afterAll(() => t.remove())

/** Every refusal: a stable code, exit code 2, one sentence naming the file, in English and Norwegian. */
function expectSentence(
  e: { code: string; message: string; exitCode: number; options: { message_nb?: string } },
  file: string,
) {
  const name = file.split('/').pop() as string
  expect(e.exitCode).toBe(2)
  expect(e.message).toContain(name)
  expect(e.options.message_nb).toContain(name)
  expect(e.message.trim().split(/(?<=[.!?])\s+(?=[A-Z])/)).toHaveLength(1)
  expect(e.message).not.toMatch(/\bat .*\.ts:\d+/)
}

describe('bad input is refused with one clear sentence', () => {
  it('empty file', async () => {
    const file = t.file('empty.csv', '')
    const e = await readError(file)
    expect(e.code).toBe('empty_file')
    expectSentence(e, file)
  })

  it('only blank lines', async () => {
    const file = t.file('blank.csv', '\r\n;;\r\n\r\n')
    expect((await readError(file)).code).toBe('empty_file')
  })

  it('header only', async () => {
    const file = t.file('header-only.csv', 'Fakturanr;Navn;Beløp\r\n')
    const e = await readError(file)
    expect(e.code).toBe('no_data_rows')
    expect(e.options.line).toBe(1)
    expectSentence(e, file)
  })

  it('binary garbage named .csv', async () => {
    const file = t.file('garbage.csv', randomBytes(100_000))
    const e = await readError(file)
    expect(e.code).toBe('binary_file')
    expectSentence(e, file)
  })

  it('binary garbage named .xlsx', async () => {
    const file = t.file('garbage.xlsx', randomBytes(10_000))
    const e = await readError(file)
    expect(e.code).toBe('content_mismatch')
    expectSentence(e, file)
  })

  it('a text file named .xlsx', async () => {
    const file = t.file('text.xlsx', 'Fakturanr;Navn\n1;Ola\n')
    const e = await readError(file)
    expect(e.code).toBe('content_mismatch')
    expect(e.message).toContain('plain text')
    expectSentence(e, file)
  })

  it('an HTML table named .xls (a web system\'s "export to Excel")', async () => {
    const file = t.file('export.xls', '<html><body><table><tr><td>Navn</td></tr></table></body></html>')
    const e = await readError(file)
    expect(e.code).toBe('content_mismatch')
    expect(e.message).toContain('web page')
    expectSentence(e, file)
  })

  it('an unsupported extension and a missing file', async () => {
    expect((await readError(t.file('invoices.pdf', '%PDF-1.4'))).code).toBe('unsupported_extension')
    expect((await readError(`${t.dir}/nope.csv`)).code).toBe('file_not_found')
  })

  it('a 20 MB field is refused quickly with its line', async () => {
    const file = t.file('huge-field.csv', `a;b\n1;2\n3;"${'x'.repeat(20 * 1024 * 1024)}"\n`)
    const started = Date.now()
    const e = await readError(file)
    expect(Date.now() - started).toBeLessThan(3_000)
    expect(e.code).toBe('record_too_long')
    expect(e.options.line).toBe(3)
    expectSentence(e, file)
  })

  it('a field over 32,767 characters names line and column', async () => {
    const file = t.file('long-field.csv', `a;Beskrivelse\n1;${'y'.repeat(40_000)}\n`)
    const e = await readError(file)
    expect(e.code).toBe('field_too_long')
    expect(e.options).toMatchObject({ line: 2, column: 'Beskrivelse' })
  })

  it('an unclosed quote', async () => {
    const file = t.file('unclosed.csv', 'a;b\n1;2\n3;"never closed\n4;5\n')
    const e = await readError(file)
    expect(e.code).toBe('unclosed_quote')
    expect(e.options.line).toBe(3)
  })

  it('limits on size, rows, columns and cells are configurable', async () => {
    const body = `a;b\n${'1;2\n'.repeat(100)}`
    const file = t.file('limits.csv', body)
    expect((await readError(file, { limits: { maxTextBytes: 100 } })).code).toBe('file_too_large')
    const rows = await readError(file, { limits: { maxRows: 50 } })
    expect(rows.code).toBe('too_many_rows')
    expect(rows.options.line).toBe(52)
    expect((await readError(file, { limits: { maxColumns: 1 } })).code).toBe('too_many_columns')
    expect((await readError(file, { limits: { maxCells: 20 } })).code).toBe('too_many_cells')
  })

  it('caps the issue list and says how many were left out', async () => {
    const file = t.file('many-ragged.csv', `a;b;c\n${'1;2\n'.repeat(50)}`)
    const res = await readAll(file, { limits: { maxIssues: 10 } })
    expect(res.issues).toHaveLength(11)
    expect(res.issues[10]).toMatchObject({ code: 'issues_truncated', severity: 'error' })
    expect(res.issues[10].message).toContain('40')
  })

  it('a stopped read is cancelled with exit code 3', async () => {
    const file = t.file('cancel.csv', `a;b\n${'1;2\n'.repeat(10)}`)
    const controller = new AbortController()
    controller.abort()
    const { readTable } = await import('../../../src/main/import/index')
    const e = await readTable(file, {}, () => {}, { signal: controller.signal }).catch((x: unknown) => x)
    expect(e).toMatchObject({ code: 'cancelled', exitCode: 3 })
  })
})

describe('file system failures', () => {
  it('a directory named .csv is one sentence, not a stack trace', async () => {
    const { mkdirSync } = await import('node:fs')
    const dir = `${t.dir}/folder.csv`
    mkdirSync(dir)
    const e = await readError(dir)
    expect(e.code).toBe('file_unreadable')
    expect(e.message).toContain('folder.csv')
  })
})
