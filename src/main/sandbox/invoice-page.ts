import type { Reply, SandboxState } from './http-util'

/**
 * `GET /__sandbox/invoices/{id}`: a small HTML page standing in for Kravia's invoice PDF.
 * Every value is escaped and the page carries its own CSP with no script source at all, so a
 * hostile customer name in a spreadsheet cannot run code when someone opens the link.
 */

export const INVOICE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
const esc = (v: unknown): string => String(v ?? '').replace(/[&<>"']/g, (c) => ESC[c])

function kroner(ore: unknown): string {
  const n = typeof ore === 'number' && Number.isInteger(ore) ? ore : 0
  const abs = Math.abs(n)
  return `${n < 0 ? '-' : ''}${Math.trunc(abs / 100)},${String(abs % 100).padStart(2, '0')}`
}

type Json = Record<string, unknown>

export function invoicePage(state: SandboxState, id: string): Reply {
  const row = state.store.get(id)
  const headers = { 'content-security-policy': INVOICE_CSP, 'x-content-type-options': 'nosniff' }
  if (!row) {
    return {
      status: 404,
      contentType: 'text/html; charset=utf-8',
      headers,
      body: page('Not found', '<p>No such invoice.</p>'),
    }
  }
  const tx = JSON.parse(row.json) as Json
  const meta = (tx.metadata ?? {}) as Json
  const events = (tx.events ?? []) as Json[]
  const auth = ((events.find((e) => e.event === 'AUTHORIZE')?.metadata ?? {}) as Json) || {}
  const init = ((events.find((e) => e.event === 'INITIATE_CAPTURE')?.metadata ?? {}) as Json) || {}
  const addr = (tx.billing_address ?? {}) as Json
  const items = (Array.isArray(tx.items) ? tx.items : []) as Json[]
  const lines = items
    .map(
      (i) =>
        `<tr><td>${esc(i.description)}</td><td>${esc(i.quantity)}</td><td>${esc(i.vat)} %</td><td class="n">${kroner(i.amount)}</td></tr>`,
    )
    .join('')
  const body = `
<p class="note">Sandbox — no real invoice was sent.</p>
<h1>Invoice ${esc(meta['kravia:invoice_number'])}</h1>
<p>${esc(addr.business_name)}<br>${esc(addr.first_name)} ${esc(addr.last_name)}<br>${esc(addr.address_line)}<br>${esc(addr.postal_code)} ${esc(addr.postal_place)}<br>${esc(addr.country)}</p>
<dl>
<dt>Reference</dt><dd>${esc(tx.merchant_reference)}</dd>
<dt>Invoice date</dt><dd>${esc(auth['kravia:invoice_date'])}</dd>
<dt>Due date</dt><dd>${esc(auth['kravia:invoice_due_date'])}</dd>
<dt>Status</dt><dd>${esc(tx.status)}</dd>
<dt>Account</dt><dd>${esc(init['kravia:payment_details:bank_account:bban'] ?? '(not sent yet)')}</dd>
<dt>KID</dt><dd>${esc(init['kravia:payment_details:kid'] ?? '(not sent yet)')}</dd>
</dl>
<table><tr><th>Description</th><th>Qty</th><th>VAT</th><th class="n">Amount (NOK)</th></tr>${lines}
<tr><th colspan="3">Total</th><th class="n">${kroner(tx.amount)}</th></tr></table>`
  return {
    status: 200,
    contentType: 'text/html; charset=utf-8',
    headers,
    body: page(`Invoice ${esc(meta['kravia:invoice_number'])}`, body),
  }
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>body{font:15px system-ui,sans-serif;max-width:40rem;margin:2rem auto;color:#222}
.note{background:#fff3cd;padding:.5rem}td,th{padding:.25rem .5rem;text-align:left}.n{text-align:right}
dt{font-weight:600}</style></head><body>${body}</body></html>`
}
