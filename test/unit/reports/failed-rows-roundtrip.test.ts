import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { readTable, type SourceRow } from '../../../src/main/import'
import type { ColumnIndexes } from '../../../src/main/invoice/field-sources'
import { ValidationSession } from '../../../src/main/invoice/validate'
import { exportBatch } from '../../../src/main/reports/export'
import { createBatch } from '../../../src/main/journal/freeze'
import { getInvoiceByReference } from '../../../src/main/journal/reads'
import { CANONICAL_FIELDS, type CanonicalField } from '../../../src/shared/canonical'
import type { PayRequest } from '../../../src/shared/kravia'
import { batchInput, payRequest, tempDb } from '../../support/journal-fixtures'
import { setInvoiceState } from '../../../src/main/journal/invoice-state'

let t: ReturnType<typeof tempDb>
afterEach(() => t?.close())

/** Invoices that failed for reasons the user can fix in the file: several lines, tricky text. */
function requests(): PayRequest[] {
  const a = payRequest('=SUM(1)', 1500_50)
  a.session.order.vat_amount = 250_00 + 26_84
  a.session.order.items = [
    {
      line_id: '1',
      id: 'SKU-9',
      description: 'Rådgivning; "senior", 2,5 t',
      quantity: 2.5,
      amount: 1250_00,
      vat: 25,
    },
    { line_id: '2', description: '-Reise', quantity: 1, amount: 250_50, vat: 12 },
  ]
  const b = payRequest('B2C-2', 99_90, {
    payment_product_type: 'kravia.invoice_b2c',
    invoice_channel: 'merchant',
  })
  delete b.session.order.billing_address.business_name
  delete b.session.order.billing_address.organization_number
  b.session.order.billing_address.address_line_2 = 'H0101'
  b.session.order.vat_amount = 19_98
  return [a, b]
}

async function read(file: string) {
  const rows: SourceRow[] = []
  const res = await readTable(file, {}, (chunk) => {
    rows.push(...chunk)
  })
  return { headers: res.info.headers, rows, info: res.info, issues: res.issues }
}

function validate(headers: string[], rows: SourceRow[], decimalCommaHint: boolean | undefined) {
  const columns: ColumnIndexes = {}
  headers.forEach((h, i) => {
    if ((CANONICAL_FIELDS as readonly string[]).includes(h)) columns[h as CanonicalField] = i
  })
  const session = new ValidationSession(headers, { columns, decimalCommaHint })
  session.addRows(rows)
  return session.finish()
}

describe('failed rows export → importer → validator', () => {
  it.each([
    ['csv', ','],
    ['csv', ';'],
    ['xlsx', ','],
  ] as const)('gives back the same invoices from %s (%s)', async (format, delimiter) => {
    t = tempDb()
    const reqs = requests()
    const b = createBatch(
      t.db,
      batchInput(
        reqs.map((r, i) => ({
          merchant_reference: r.session.order.merchant_reference,
          rows: [i + 2],
          request: r,
        })),
      ),
    )
    for (const r of reqs) {
      const id = getInvoiceByReference(t.db, b, r.session.order.merchant_reference)!.id
      setInvoiceState(t.db, id, 'sending')
      setInvoiceState(t.db, id, 'failed', { error_message: 'billing_address.email: is invalid' })
    }
    const file = join(t.dir, `failed.${format}`)
    const out = await exportBatch(t.db, b, { format, file, failedOnly: true, delimiter })
    expect(out.rows).toBe(3)

    const table = await read(file)
    expect(table.issues.filter((i) => i.severity === 'error')).toEqual([])
    expect(table.headers).toEqual([...CANONICAL_FIELDS, 'error'])
    const result = validate(table.headers, table.rows, table.info.decimalCommaHint)
    expect(result.errors).toEqual([])
    expect(result.invoices.map((i) => i.merchant_reference)).toEqual(['=SUM(1)', 'B2C-2'])
    for (const [i, inv] of result.invoices.entries()) {
      const want = structuredClone(reqs[i])
      // The export writes the channel explicitly; the original left Kravia's default implicit.
      want.payment.invoice_channel ??= 'kravia'
      const got = structuredClone(inv.request)
      got.payment.invoice_channel ??= 'kravia'
      expect(got).toEqual(want)
    }
  })
})
