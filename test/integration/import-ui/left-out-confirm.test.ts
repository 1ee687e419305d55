import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { listLeftOut } from '../../../src/main/journal/left-out'
import type { ImportSummary } from '../../../src/shared/contract'
import { startServices } from './services'

// 1003 has "eva.berg(at)example.no" on line 5, 1004 no description on line 6.
const FIXTURE = join(import.meta.dirname, '../../fixtures/import-ui/norsk-faktura.csv')
const dirs: string[] = []
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
})

describe('confirming a plan in the app keeps the left-out invoices with the batch', () => {
  it('with the values shown in the review grid; "fix and retry" brings them back and a follow-up takes them up', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kb-left-out-ui-'))
    dirs.push(dataDir)
    const file = join(dataDir, 'mars.csv')
    copyFileSync(FIXTURE, file)
    const app = startServices(dataDir)
    try {
      const { sessionId } = await app.call<{ sessionId: string }>('import:openPath', { path: file })
      const summary = await app.call<ImportSummary>('import:validate', { sessionId })
      expect(summary.invalidInvoices).toBe(2)
      // An edit in the grid that does not fix the invoice: the stored values are the edited ones.
      await app.call('import:editCell', { sessionId, line: 5, field: 'phone_number', value: '41 23 45 99' })
      const { batchId } = await app.call<{ batchId: string }>('plan:confirm', { sessionId })

      const left = listLeftOut(app.db, batchId)
      expect(left.map((l) => [l.merchant_reference, l.rows, l.reason, l.issues.map((i) => i.code)])).toEqual([
        ['1003', [5], 'invalid', ['email_invalid']],
        ['1004', [6], 'invalid', ['missing_value']],
      ])
      expect(left[0].lines).toEqual([
        expect.objectContaining({
          merchant_reference: '1003',
          payment_product_type: 'Privat',
          email: 'eva.berg(at)example.no',
          phone_number: '41 23 45 99',
          postal_place: 'Tromsø',
          unit_price: '1 200,00',
        }),
      ])
      expect(left[0].error_nb).toMatch(/eva\.berg\(at\)example\.no/)
      expect((await app.call<{ fixable: number }>('batches:get', { batchId })).fixable).toBe(2)

      // "Fix and retry" opens the failed-rows file: the two left-out invoices are in it.
      const retry = await app.call<{ sessionId: string }>('import:openFailed', { batchId })
      const again = await app.call<ImportSummary>('import:validate', { sessionId: retry.sessionId })
      expect([again.invoices, again.invalidInvoices]).toEqual([0, 2])
      await app.call('import:editCell', {
        sessionId: retry.sessionId,
        line: 2,
        field: 'email',
        value: 'eva.berg@example.no',
      })
      const fixed = await app.call<ImportSummary>('import:validate', { sessionId: retry.sessionId })
      expect([fixed.invoices, fixed.invalidInvoices, fixed.totalAmount]).toEqual([1, 1, 1200_00])
      const follow = await app.call<{ batchId: string }>('plan:confirm', { sessionId: retry.sessionId })

      // 1003 is sent by the follow-up, 1004 is left out of it again: the parent has nothing left to fix.
      expect(listLeftOut(app.db, batchId).map((l) => l.superseded_by)).toEqual([
        follow.batchId,
        follow.batchId,
      ])
      expect((await app.call<{ fixable: number }>('batches:get', { batchId })).fixable).toBe(0)
      expect(listLeftOut(app.db, follow.batchId).map((l) => [l.merchant_reference, l.rows])).toEqual([
        ['1004', [3]],
      ])
    } finally {
      await app.close()
    }
  })
})
