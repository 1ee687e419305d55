import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Db } from '../../../src/main/db/open'
import { appMigrations } from '../../../src/main/db/migrations'
import { m0003Runs } from '../../../src/main/db/migrations/0003-runs'
import { type Migration, migrate, openSqlite } from '../../../src/main/db/open'
import type { BatchInvoiceInput, CreateBatchInput } from '../../../src/main/runs/batch'
import { resolveSettings } from '../../../src/main/runs/settings'
import type { BatchSettings, RunEnv } from '../../../src/main/runs/types'
import type { PayRequest } from '../../../src/shared/kravia'

/** The app's migrations, with stand-ins for numbers other helpers have not landed yet. */
export function testMigrations(): Migration[] {
  const list = [...appMigrations]
  if (list.some((m) => m.version === 3)) return list
  while (list.length < 2) list.push({ version: list.length + 1, name: 'stand-in', up() {} })
  return [...list.slice(0, 2), m0003Runs]
}

/** A real app database in a temp dir (WAL and synchronous=FULL as in the app). */
export function tempDb(): { db: Db; dir: string; close(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'kb-runs-'))
  const db = openSqlite(join(dir, 'kravia-batch.sqlite'))
  migrate(db, testMigrations())
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
