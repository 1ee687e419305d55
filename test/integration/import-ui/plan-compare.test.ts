import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { listInvoices } from '../../../src/main/journal/reads'
import type { PlanView } from '../../../src/shared/contract'
import { november, october } from '../compare/months'
import { sendMonthThroughApp } from '../compare/seed'
import { startServices } from './services'

const dirs: string[] = []
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
})

describe('the Plan compares with the previous run and can leave a likely duplicate out', () => {
  it('shows what changed since October, leaves the pasted copy out in one call, takes it back, and sends without it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kb-plan-compare-'))
    dirs.push(dataDir)
    writeFileSync(join(dataDir, 'oktober.csv'), october())
    writeFileSync(join(dataDir, 'november.csv'), november())
    const app = startServices(dataDir)
    try {
      const octoberBatch = await sendMonthThroughApp(app.call, join(dataDir, 'oktober.csv'))

      const { sessionId } = await app.call<{ sessionId: string }>('import:openPath', {
        path: join(dataDir, 'november.csv'),
      })
      await app.call('import:validate', { sessionId })
      const plan = await app.call<PlanView>('plan:get', { sessionId })
      expect(plan.comparison.previous_batch?.id).toBe(octoberBatch)
      expect(plan.comparison.totals.previous).toEqual({ invoices: 11, amount: 23462_00 })
      expect(plan.comparisonWarnings.map((w) => w.code)).toEqual([
        'possible_duplicate',
        'customer_missing',
        'customer_new',
        'amount_changed',
        'amount_changed',
      ])
      expect(plan.comparisonWarnings[1].message_nb).toMatch(/^Per Olsen .* ble fakturert i forrige kjøring/)
      expect([plan.invoices, plan.totalAmount]).toEqual([12, 29452_00])

      // One click: the later copy is left out; totals, duplicates and Kari's "changed" follow.
      const after = await app.call<PlanView>('plan:leaveOut', {
        sessionId,
        reference: '2026-11-012',
        leave: true,
      })
      expect([after.invoices, after.totalAmount]).toEqual([11, 28853_00])
      expect(after.leftOutByUser).toEqual([{ reference: '2026-11-012', rows: [14] }])
      expect(after.comparison.possible_duplicates).toEqual([])
      expect(after.comparison.amounts_changed.map((a) => a.customer.name)).toEqual(['Lars Eriksen'])
      // The choice is kept with the draft: asking again gives the same plan.
      expect((await app.call<PlanView>('plan:get', { sessionId })).invoices).toBe(11)

      const back = await app.call<PlanView>('plan:leaveOut', {
        sessionId,
        reference: '2026-11-012',
        leave: false,
      })
      expect([back.invoices, back.leftOutByUser]).toEqual([12, []])
      await app.call('plan:leaveOut', { sessionId, reference: '2026-11-012', leave: true })

      const { batchId } = await app.call<{ batchId: string }>('plan:confirm', { sessionId })
      const refs = listInvoices(app.db, batchId).map((i) => i.merchant_reference)
      expect(refs).toHaveLength(11)
      expect(refs).not.toContain('2026-11-012')
      expect(refs).toContain('2026-11-004')
    } finally {
      await app.close()
    }
  })
})
