import { join } from 'node:path'
import { readFileSync } from 'node:fs'
import Papa from 'papaparse'
import { afterEach, describe, expect, it } from 'vitest'
import { exportBatch } from '../../../src/main/reports/export'
import { refreshBatch } from '../../../src/main/after-send/refresh'
import { customerPays, row, sandboxAndClient, sentBatch, tempDb } from './helpers'

const cleanup: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const f of cleanup.splice(0)) await f()
})

function paidColumns(db: ReturnType<typeof tempDb>['db'], id: number) {
  return db.prepare('SELECT paid_amount, paid_at FROM invoices WHERE id = ?').get(id) as {
    paid_amount: number | null
    paid_at: string | null
  }
}

describe('what the customer paid, from Dintero capture events', () => {
  it('is kept by refresh and shown in the report: part payments add up, the last one dates it', async () => {
    const t = tempDb()
    const { sandbox, api } = await sandboxAndClient()
    cleanup.push(
      () => t.close(),
      () => api.close(),
      () => sandbox.close(),
    )
    const b = await sentBatch(t.db, api, sandbox.baseUrl, [
      { ref: 'P-1', amount: 800_00 },
      { ref: 'P-2', amount: 100_00 },
    ])
    // Before any payment and any refresh the figure is known from the pay answer: nothing paid.
    expect(paidColumns(t.db, row(t.db, b, 'P-1').id)).toEqual({ paid_amount: 0, paid_at: null })

    const before = new Date().toISOString()
    await customerPays(sandbox, row(t.db, b, 'P-1').transaction_id!, 250_00)
    await customerPays(sandbox, row(t.db, b, 'P-1').transaction_id!, 125_50)
    await customerPays(sandbox, row(t.db, b, 'P-2').transaction_id!, 100_00)
    await refreshBatch(t.db, api, b, { rate: 100 })

    const p1 = paidColumns(t.db, row(t.db, b, 'P-1').id)
    expect(p1.paid_amount).toBe(375_50)
    expect(p1.paid_at! >= before).toBe(true)
    expect(row(t.db, b, 'P-1').state).toBe('part_paid')
    expect(paidColumns(t.db, row(t.db, b, 'P-2').id).paid_amount).toBe(100_00)

    const file = join(t.dir, 'rapport.csv')
    await exportBatch(t.db, b, { format: 'csv', file, delimiter: ';' })
    const rows = Papa.parse<Record<string, string>>(readFileSync(file, 'utf8').slice(1), {
      header: true,
      delimiter: ';',
      skipEmptyLines: true,
    }).data
    // 800,00 − 375,50 = 424,50 outstanding.
    expect(rows[0]).toMatchObject({ Status: 'Delvis betalt', 'Betalt beløp': '375,50', Utestående: '424,50' })
    expect(rows[0]['Betalt dato']).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(rows[1]).toMatchObject({ Status: 'Betalt', 'Betalt beløp': '100,00', Utestående: '0,00' })
  })
})
