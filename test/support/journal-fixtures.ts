import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Db } from '../../src/main/db/open'
import { openAppDb } from '../../src/main/db/store'
import type { BatchInvoiceInput, CreateBatchInput } from '../../src/main/journal/freeze'
import { resolveSettings } from '../../src/main/engine/settings'
import type { BatchSettings, RunEnv } from '../../src/main/journal/types'
import type { PayRequest } from '../../src/shared/kravia'

/** A real app database in a temp dir (WAL and synchronous=FULL as in the app). */
export function tempDb(): { db: Db; dir: string; close(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'kb-runs-'))
  const db = openAppDb(dir)
  return {
    db,
    dir,
    close() {
      db.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

export function payRequest(
  ref: string,
  amount = 125_00,
  extra: Partial<PayRequest['payment']> = {},
): PayRequest {
  return {
    payment: {
      payment_product_type: 'kravia.invoice_b2b',
      operation: 'invoice_payment',
      days_until_due: 14,
      ...extra,
    },
    session: {
      order: {
        amount,
        currency: 'NOK',
        vat_amount: Math.round(amount / 5),
        merchant_reference: ref,
        items: [{ line_id: '1', description: 'Consulting', quantity: 1, amount, vat: 25 }],
        billing_address: {
          first_name: 'Kari',
          last_name: 'Nordmann',
          business_name: `Firma ${ref} AS`,
          organization_number: '974760673',
          email: `post+${ref.toLowerCase()}@example.no`,
          phone_number: '+4791234567',
          address_line: 'Storgata 1',
          postal_code: '0155',
          postal_place: 'Oslo',
          country: 'NO',
        },
      },
    },
  }
}

export function invoices(n: number, prefix = 'INV', amount = 125_00): BatchInvoiceInput[] {
  return Array.from({ length: n }, (_, i) => {
    const ref = `${prefix}-${String(i + 1).padStart(5, '0')}`
    return { merchant_reference: ref, rows: [i + 2], request: payRequest(ref, amount + i) }
  })
}

export function batchInput(
  list: BatchInvoiceInput[],
  settings: Partial<BatchSettings> = {},
  env: RunEnv = 'sandbox',
  extra: Partial<CreateBatchInput> = {},
): CreateBatchInput {
  return {
    source: { name: 'invoices.csv', sha256: 'a'.repeat(64) },
    sheet: null,
    mapping: { reference: 'Ref' },
    settings: resolveSettings(env, settings),
    env,
    account: 'T12345678',
    baseUrl: 'http://127.0.0.1:1',
    invoices: list,
    ...extra,
  }
}
