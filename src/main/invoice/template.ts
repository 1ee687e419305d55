/**
 * The canonical template the app offers for download. Columns are the canonical field names (so
 * they map by themselves); the example rows are Dintero's own B2B and B2C examples, so a user
 * who validates the untouched template gets exactly the documented request bodies.
 *
 * CSV: UTF-8 with BOM, `;` separators, CRLF, decimal commas — what Excel in Norway opens
 * correctly by double-click. Notes do not fit in a CSV; they are in the XLSX (second sheet and
 * header comments) and docs/mapping.md.
 */
import * as XLSX from 'xlsx'
import { type CanonicalField, FIELD_INFO } from '../../shared/canonical'

export const TEMPLATE_SHEET = 'Fakturaer'
export const TEMPLATE_NOTES_SHEET = 'Merknader - Notes'

/**
 * Alternatives are left out of the columns (the notes sheet explains them): due_date for
 * days_until_due, full_name for first/last name, postal_code_place for postal code and place.
 */
const ALTERNATIVES: ReadonlySet<CanonicalField> = new Set(['due_date', 'full_name', 'postal_code_place'])
export const TEMPLATE_FIELDS: CanonicalField[] = FIELD_INFO.map((f) => f.field).filter(
  (f) => !ALTERNATIVES.has(f),
)

type Example = Partial<Record<CanonicalField, string | number>>

const EXAMPLES: Example[] = [
  {
    merchant_reference: 'FAKTURA-2026-001',
    payment_product_type: 'b2b',
    days_until_due: 30,
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
    quantity: 1,
    unit_price: 299,
    amount: 299,
    vat: 25,
    currency: 'NOK',
  },
  {
    merchant_reference: 'FAKTURA-2026-002',
    payment_product_type: 'b2c',
    days_until_due: 14,
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
    quantity: 1,
    unit_price: 299,
    amount: 299,
    vat: 25,
    currency: 'NOK',
  },
]

const MONEY: ReadonlySet<CanonicalField> = new Set([
  'unit_price',
  'amount',
  'unit_price_excl_vat',
  'amount_excl_vat',
])

function csvCell(v: string | number | undefined, field: CanonicalField): string {
  if (v === undefined) return ''
  // Integer-only formatting: money examples are whole kroner, shown with two decimals and a comma.
  const s = typeof v === 'number' ? (MONEY.has(field) ? `${v},00` : String(v)) : v
  return /[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

export function buildTemplate(format: 'csv' | 'xlsx'): Buffer {
  if (format === 'csv') {
    const lines = [TEMPLATE_FIELDS.join(';')]
    for (const ex of EXAMPLES) lines.push(TEMPLATE_FIELDS.map((f) => csvCell(ex[f], f)).join(';'))
    return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8')
  }
  const rows: (string | number | null)[][] = [TEMPLATE_FIELDS.slice()]
  for (const ex of EXAMPLES) rows.push(TEMPLATE_FIELDS.map((f) => ex[f] ?? null))
  const ws = XLSX.utils.aoa_to_sheet(rows)
  TEMPLATE_FIELDS.forEach((f, c) => {
    const info = FIELD_INFO.find((i) => i.field === f)
    const head = ws[XLSX.utils.encode_cell({ r: 0, c })] as XLSX.CellObject
    if (info) {
      const comment = Object.assign(
        [{ a: 'Kravia Batch', t: `${info.label_nb}: ${info.note_nb}\n${info.label_en}: ${info.note_en}` }],
        {
          hidden: true,
        },
      )
      head.c = comment
    }
    for (let r = 1; r < rows.length; r++) {
      const cell = ws[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined
      if (cell && MONEY.has(f)) cell.z = '#,##0.00'
    }
  })
  ws['!cols'] = TEMPLATE_FIELDS.map((f) => ({ wch: Math.max(f.length + 2, 12) }))
  const notes = XLSX.utils.aoa_to_sheet([
    ['Kolonne / Column', 'Navn', 'Name', 'Nivå / Level', 'Merknad', 'Note'],
    ...FIELD_INFO.map((i) => [
      i.field,
      i.label_nb,
      i.label_en,
      i.level === 'invoice' ? 'faktura / invoice' : 'linje / line',
      i.note_nb,
      i.note_en,
    ]),
  ])
  notes['!cols'] = [{ wch: 22 }, { wch: 24 }, { wch: 24 }, { wch: 16 }, { wch: 70 }, { wch: 70 }]
  const wb = XLSX.utils.book_new()
  XLSX.utils.book_append_sheet(wb, ws, TEMPLATE_SHEET)
  XLSX.utils.book_append_sheet(wb, notes, TEMPLATE_NOTES_SHEET)
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer
}
