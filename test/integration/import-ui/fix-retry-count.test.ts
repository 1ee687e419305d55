import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BatchSummary, ImportSummary } from '../../../src/shared/contract'
import { sendMonthThroughApp } from '../compare/seed'
import { startServices } from './services'

/**
 * A club's three invoices as typed in a spreadsheet, with a sum line and a payment note under the
 * list: both rows are left out (they belong to no invoice). The run sends three and fails none, so
 * "fix and retry" has nothing to offer, though the failed-rows export still lists the two rows.
 */
const HEAD =
  'Fakturanr;Kundetype;Forfall;Fornavn;Etternavn;E-post;Mobil;Adresse;Postnr;Poststed;Beskrivelse;Antall;Beløp;MVA-sats'
const member = (ref: string, n: number, email = `medlem${n}@example.no`) =>
  `${ref};Privat;14;Kari;Nordmann ${n};${email};9100000${n};Storgata 1;0151;Oslo;Kontingent desember;1;475,00;0`

let dir: string
let app: ReturnType<typeof startServices>
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kb-fix-retry-'))
  app = startServices(dir)
})
afterAll(async () => {
  await app.close()
  rmSync(dir, { recursive: true, force: true })
})

const summary = (batchId: string) => app.call<BatchSummary>('batches:get', { batchId })

describe('what "fix and retry" offers after a finished run', () => {
  it('nothing when only a sum line and a note were left out', async () => {
    const file = join(dir, 'desember.csv')
    writeFileSync(
      file,
      `${[HEAD, member('D-1', 1), member('D-2', 2), member('D-3', 3), ';;;;;;;;;;Sum;;1 425,00;', 'Betales til konto 1234.56.78903;;;;;;;;;;;;;'].join('\r\n')}\r\n`,
    )
    const batchId = await sendMonthThroughApp(app.call, file)
    const s = await summary(batchId)
    expect([s.state, s.total, s.totalAmount, s.counts]).toEqual(['finished', 3, 1425_00, { authorized: 3 }])
    // The two rows are still in the export for reading, but there is nothing to fix and send.
    expect(s.fixable).toBe(2)
    expect(s.resendable).toBe(0)
    const r = await app.dispatch('import:openFailed', { batchId })
    expect(r.ok ? null : r.error.code).toBe('nothing_failed')
  })

  it('only the invoice a fix can send: not the rows of no invoice, nor what was already invoiced', async () => {
    const file = join(dir, 'januar.csv')
    // D-1 was invoiced in December; J-2 has no @ in its e-mail; the sum line belongs to no invoice.
    writeFileSync(
      file,
      `${[HEAD, member('D-1', 1), member('J-1', 4), member('J-2', 5, 'medlem5.example.no'), ';;;;;;;;;;Sum;;1 425,00;'].join('\r\n')}\r\n`,
    )
    const batchId = await sendMonthThroughApp(app.call, file)
    const s = await summary(batchId)
    expect([s.total, s.counts]).toEqual([1, { authorized: 1 }])
    expect([s.fixable, s.resendable]).toEqual([3, 1])

    // The follow-up holds J-2 alone; fixed, it is sent, and nothing is left to offer.
    const retry = await app.call<{ sessionId: string }>('import:openFailed', { batchId })
    const again = await app.call<ImportSummary>('import:validate', { sessionId: retry.sessionId })
    expect([again.invoices, again.invalidInvoices]).toEqual([0, 1])
    const followUps = join(dir, 'follow-ups')
    const { readdirSync } = await import('node:fs')
    const csv = readFileSync(join(followUps, readdirSync(followUps)[0]), 'utf8')
    expect(csv).toContain('J-2')
    expect(csv).not.toContain('D-1')
    expect(csv).not.toContain('Sum')
    await app.call('import:editCell', {
      sessionId: retry.sessionId,
      line: 2,
      field: 'email',
      value: 'medlem5@example.no',
    })
    const fixed = await app.call<ImportSummary>('import:validate', { sessionId: retry.sessionId })
    expect([fixed.invoices, fixed.invalidInvoices, fixed.totalAmount]).toEqual([1, 0, 475_00])
    await app.call('plan:confirm', { sessionId: retry.sessionId })
    expect((await summary(batchId)).resendable).toBe(0)
  })
})
