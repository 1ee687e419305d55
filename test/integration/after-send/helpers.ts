import { createDinteroClient, type DinteroClient } from '../../../src/main/dintero'
import type { Db } from '../../../src/main/db/open'
import { stateFromTransaction } from '../../../src/main/after-send/transaction-state'
import { createBatch } from '../../../src/main/journal/freeze'
import { getInvoiceByReference, listInvoices } from '../../../src/main/journal/reads'
import type { InvoiceListItem } from '../../../src/main/journal/types'
import { type Sandbox, startSandbox } from '../../../src/main/sandbox'
import type { PayRequest } from '../../../src/shared/kravia'
import { batchInput, payRequest, tempDb } from '../../support/journal-fixtures'
import { patchFromTransaction, setInvoiceState } from '../../../src/main/journal/invoice-state'

export { tempDb }

export function clientFor(sandbox: Sandbox): DinteroClient {
  return createDinteroClient({
    baseUrl: sandbox.baseUrl,
    accountId: sandbox.accountId,
    clientId: sandbox.clientId,
    clientSecret: sandbox.clientSecret,
    timeoutMs: 5000,
  })
}

export async function sandboxAndClient(options: Parameters<typeof startSandbox>[0] = {}) {
  const sandbox = await startSandbox(options)
  return { sandbox, api: clientFor(sandbox) }
}

export interface Spec {
  ref: string
  amount?: number
  channel?: 'kravia' | 'merchant'
}

/** A batch in the journal whose invoices are really created in the sandbox (the engine's job, done plainly). */
export async function sentBatch(db: Db, api: DinteroClient, baseUrl: string, specs: Spec[]): Promise<string> {
  const list = specs.map((s, i) => {
    const request: PayRequest = payRequest(
      s.ref,
      s.amount ?? 125_00,
      s.channel ? { invoice_channel: s.channel } : {},
    )
    return { merchant_reference: s.ref, rows: [i + 2], request }
  })
  const batchId = createBatch(db, batchInput(list, { rate: 200, concurrency: 8 }, 'sandbox', { baseUrl }))
  for (const inv of listInvoices(db, batchId)) {
    const detail = list.find((l) => l.merchant_reference === inv.merchant_reference)!
    setInvoiceState(db, inv.id, 'sending')
    const tx = await api.pay(detail.request, { toggle: 'strict-success-merchant-reference' })
    const to = stateFromTransaction('sending', inv.invoice_channel, tx)!
    setInvoiceState(db, inv.id, to, { transaction_id: tx.id, ...patchFromTransaction(tx) })
  }
  return batchId
}

export function row(db: Db, batchId: string, ref: string): InvoiceListItem {
  const r = getInvoiceByReference(db, batchId, ref)
  if (!r) throw new Error(`no ${ref}`)
  return r
}

/** The sandbox's customer-pays control. */
export async function customerPays(sandbox: Sandbox, transactionId: string, amount: number): Promise<void> {
  const res = await fetch(
    `${sandbox.baseUrl}/__sandbox/transactions/${encodeURIComponent(transactionId)}/pay`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ amount }),
    },
  )
  if (res.status !== 200) throw new Error(`pay control answered ${res.status}: ${await res.text()}`)
}

export function attemptsOf(db: Db, invoiceId: number) {
  return db.prepare('SELECT * FROM attempts WHERE invoice_id = ? ORDER BY id').all(invoiceId) as {
    kind: string
    http_status: number | null
    outcome: string | null
    error_kind: string | null
    dintero_code: string | null
    transaction_id: string | null
    duration_ms: number | null
  }[]
}
