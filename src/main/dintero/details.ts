import type { KraviaDetails, Transaction, TransactionEvent } from './types'

const str = (v: string | number | undefined): string | undefined =>
  v === undefined || v === '' ? undefined : String(v)

function lastEvent(tx: Transaction, name: string): TransactionEvent | undefined {
  const events = tx.events ?? []
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]
    if (e.event === name && e.success !== false) return e
  }
  return undefined
}

/**
 * The Kravia facts the app shows and reports (invoice number, KID, bank account, dates). Every
 * one may be missing: a grouped invoice has none until the consolidated invoice exists, and a
 * merchant-channel invoice has no KID until it is captured.
 */
export function extractKraviaDetails(tx: Transaction): KraviaDetails {
  const meta = tx.metadata ?? {}
  const auth = lastEvent(tx, 'AUTHORIZE')?.metadata ?? {}
  const init = lastEvent(tx, 'INITIATE_CAPTURE')?.metadata ?? {}
  const details: KraviaDetails = {
    invoice_number: str(
      meta['kravia:invoice_number'] ?? auth['kravia:invoice_number'] ?? init['kravia:invoice_number'],
    ),
    invoice_url: str(meta['kravia:invoice_url']),
    invoice_date: str(auth['kravia:invoice_date']),
    due_date: str(auth['kravia:invoice_due_date']),
    invoice_id: str(init['kravia:invoice_id']),
    kid: str(init['kravia:payment_details:kid']),
    bban: str(init['kravia:payment_details:bank_account:bban']),
    iban: str(init['kravia:payment_details:bank_account:iban']),
    swift: str(init['kravia:payment_details:bank_account:swift']),
  }
  for (const key of Object.keys(details) as (keyof KraviaDetails)[]) {
    if (details[key] === undefined) delete details[key]
  }
  return details
}
