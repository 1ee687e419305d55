import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildReviewIndex, updateReviewIndex } from '../../../src/main/import-sessions/review-index'
import { readTable, type SourceRow } from '../../../src/main/import'
import { ValidationSession } from '../../../src/main/invoice/validate'
import { suggestMapping } from '../../../src/main/mapping'

const FIXTURE = join(import.meta.dirname, '../../fixtures/import-ui/norsk-faktura.csv')

async function load() {
  const rows: SourceRow[] = []
  const r = await readTable(FIXTURE, {}, (chunk) => {
    rows.push(...chunk)
  })
  const m = suggestMapping(r.info.headers, rows, null)
  const session = new ValidationSession(r.info.headers, {
    columns: m.columns,
    decimalCommaHint: true,
    now: new Date('2026-11-25T12:00:00Z'),
  })
  session.addRows(rows)
  session.finish()
  return { rows, session, col: m.columns }
}

const comparable = (i: ReturnType<typeof buildReviewIndex>) => ({
  refs: i.refs,
  status: i.status,
  problems: i.problems,
  first: [...i.firstOfInvoice].sort((a, b) => a - b),
  errorRows: i.errorRows,
  warningRows: i.warningRows,
  totals: [...i.totals],
})

describe('review index after an inline edit', () => {
  for (const edit of [
    { what: 'fixing an e-mail', line: 5, field: 'email' as const, value: 'eva.berg@example.no' },
    { what: 'breaking a quantity', line: 3, field: 'quantity' as const, value: '-1' },
    {
      what: 'moving a line to another invoice',
      line: 3,
      field: 'merchant_reference' as const,
      value: '1005',
    },
    { what: 'filling a missing description', line: 6, field: 'description' as const, value: 'Kurs' },
  ]) {
    it(`updates only the touched rows and ends equal to a full rebuild (${edit.what})`, async () => {
      const { rows, session, col } = await load()
      const idx = buildReviewIndex(rows, session.result(), col.merchant_reference)
      const i = rows.findIndex((r) => r.line === edit.line)
      const column = col[edit.field] as number
      const cells = rows[i].cells.slice()
      cells[column] = edit.value
      rows[i] = { line: edit.line, cells }
      const { changed } = session.editCell(edit.line, column, edit.value)
      const touched = new Set([i])
      for (const o of changed)
        for (const l of o.ok ? o.invoice.rows : o.invalid.rows)
          touched.add(rows.findIndex((r) => r.line === l))
      updateReviewIndex(idx, rows, session.result(), col.merchant_reference, touched)
      expect(comparable(idx)).toEqual(
        comparable(buildReviewIndex(rows, session.result(), col.merchant_reference)),
      )
    })
  }
})
