import type { RawCell, SourceRow } from '../../../src/main/import/types'
import { type ValidateOptions, validateRows } from '../../../src/main/invoice'
import { suggestMapping } from '../../../src/main/mapping'

/** Rows as a sheet shows them: the header on row 1, data from row 2. */
export function sheet(headers: string[], rows: Record<string, RawCell>[]): SourceRow[] {
  return rows.map((r, i) => ({ line: i + 2, cells: headers.map((h) => r[h] ?? null) }))
}

export const NOW = new Date('2026-11-25T12:00:00Z')

/** Maps by the app's own suggestion and validates. */
export function run(
  headers: string[],
  rows: Record<string, RawCell>[],
  extra: Partial<ValidateOptions> = {},
) {
  const src = sheet(headers, rows)
  const columns = suggestMapping(headers, src).columns
  return validateRows(headers, src, { columns, now: NOW, decimalCommaHint: true, ...extra })
}

export const B2B_ROW: Record<string, RawCell> = {
  merchant_reference: '<your-unique-id-here>',
  payment_product_type: 'b2b',
  days_until_due: '30',
  first_name: 'Ola',
  last_name: 'Nordmann',
  business_name: 'Nordmann AS',
  organization_number: '123456789',
  email: 'ola@nordmann.no',
  phone_number: '+4799999999',
  address_line: 'Storgata 1',
  postal_code: '0151',
  postal_place: 'Oslo',
  country: 'NO',
  line_id: 'sub-001',
  description: 'Monthly subscription - Premium',
  quantity: '1',
  amount: '299,00',
  vat: '25',
}

export const B2C_ROW: Record<string, RawCell> = {
  merchant_reference: '<your-unique-id-here>',
  payment_product_type: 'b2c',
  days_until_due: '14',
  first_name: 'Kari',
  last_name: 'Nordmann',
  email: 'kari@example.no',
  phone_number: '+4798765432',
  address_line: 'Lillegata 5',
  postal_code: '5003',
  postal_place: 'Bergen',
  country: 'NO',
  line_id: 'item-1',
  description: 'Online subscription',
  quantity: '1',
  amount: '299,00',
  vat: '25',
}

export const ALL_HEADERS = [
  ...new Set([
    ...Object.keys(B2B_ROW),
    'unit_price',
    'due_date',
    'invoice_channel',
    'currency',
    'id',
    'full_name',
    'postal_code_place',
  ]),
]
