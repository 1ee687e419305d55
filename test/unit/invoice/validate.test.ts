import { describe, expect, it } from 'vitest'
import { ISSUE_CODES, ValidationSession } from '../../../src/main/invoice'
import { payRequestSchema } from '../../../src/shared/kravia-schema'
import type { RawCell } from '../../../src/main/import/types'
import { ALL_HEADERS, B2C_ROW, NOW, run, sheet } from './helpers'
import { suggestMapping } from '../../../src/main/mapping'

const codes = (r: { errors: { code: string }[] }) => r.errors.map((e) => e.code)
const row = (over: Record<string, RawCell>) => ({ ...B2C_ROW, merchant_reference: 'A-1', ...over })

describe('multi-line invoices', () => {
  it('groups rows by reference, inherits blank invoice fields, numbers lines 1..n, sums in øre', () => {
    const first = row({
      line_id: '',
      description: 'Strøm',
      quantity: '1 000',
      unit_price: '0,125',
      amount: '',
    })
    const second: Record<string, RawCell> = {
      merchant_reference: 'A-1',
      description: 'Fastledd',
      quantity: '1',
      amount: '49,50',
      vat: '25',
    }
    const third = row({
      merchant_reference: 'B-2',
      line_id: '',
      description: 'Annet',
      amount: '10',
      vat: '15',
    })
    const r = run([...ALL_HEADERS], [first, second, third])
    expect(r.errors).toEqual([])
    expect(r.invoices.map((i) => i.merchant_reference)).toEqual(['A-1', 'B-2'])
    const a = r.invoices[0]
    expect(a.rows).toEqual([2, 3])
    const items = a.request.session.order.items
    expect(items.map((i) => [i.line_id, i.quantity, i.amount])).toEqual([
      ['1', 1000, 12500],
      ['2', 1, 4950],
    ])
    expect(a.request.session.order.amount).toBe(17450)
    expect(a.request.session.order.vat_amount).toBe(2500 + 990)
    expect(a.request.session.order.billing_address.first_name).toBe('Kari')
    expect(payRequestSchema.safeParse(a.request).success).toBe(true)
    expect(r.summary).toMatchObject({ invoices: 2, invalid_invoices: 0, lines: 3, total_amount: 18450 })
    expect(r.summary.by_vat_rate['15']).toEqual({ lines: 1, amount: 1000, vat_amount: 130 })
    expect(r.summary.by_product_type['kravia.invoice_b2c']).toEqual({ invoices: 2, amount: 18450 })
  })

  it('reads every number right in long columns (repeated quantities and VAT, 600 distinct prices, invalid ones)', () => {
    const rows = []
    for (let i = 0; i < 600; i++)
      rows.push(
        row({
          merchant_reference: `R-${i}`,
          quantity: String(1 + (i % 3)),
          unit_price: i % 97 === 5 ? 'tolv' : `${100 + i},${String(i % 100).padStart(2, '0')}`,
          amount: '',
          vat: ['25', '15', '12', '0'][i % 4],
        }),
      )
    const r = run([...ALL_HEADERS], rows)
    for (const inv of r.invoices) {
      const i = Number(inv.merchant_reference.slice(2))
      const item = inv.request.session.order.items[0]
      expect([item.quantity, item.amount, item.vat]).toEqual([
        1 + (i % 3),
        (1 + (i % 3)) * ((100 + i) * 100 + (i % 100)),
        [25, 15, 12, 0][i % 4],
      ])
    }
    const bad = rows.filter((_, i) => i % 97 === 5).length
    expect(r.invoices).toHaveLength(600 - bad)
    expect(r.errors.filter((e) => e.code === 'unit_price_invalid')).toHaveLength(bad)
  })

  it('names the rows of a conflict in an invoice-level field', () => {
    const r = run(ALL_HEADERS, [
      row({}),
      row({ email: 'other@example.no' }),
      row({ email: 'KARI@example.no', line_id: 'x' }),
    ])
    const c = r.errors.find((e) => e.code === 'conflicting_values')
    expect(c).toMatchObject({ rows: [2, 3], field: 'email', column: 'email', value: 'kari@example.no' })
    expect(c?.message).toMatch(/Rows 2 and 3: .*"other@example.no" in row 3/)
    expect(c?.message_nb).toMatch(/Rad 2 og 3/)
    expect(r.invalid[0].merchant_reference).toBe('A-1')
  })

  it('treats the same phone written two ways as the same value', () => {
    const r = run(ALL_HEADERS, [row({ line_id: '1' }), row({ line_id: '2', phone_number: '987 65 432' })])
    expect(r.errors).toEqual([])
  })

  it('refuses a repeated line id', () => {
    const r = run(ALL_HEADERS, [row({ line_id: 'x' }), row({ line_id: 'x' })])
    expect(r.errors[0]).toMatchObject({ code: 'line_id_duplicate', rows: [2, 3], value: 'x' })
  })
})

describe('amounts', () => {
  it('accepts unit price and amount that agree within 1 øre, refuses more', () => {
    expect(codes(run(ALL_HEADERS, [row({ quantity: '3', unit_price: '0,3333', amount: '1,00' })]))).toEqual(
      [],
    )
    const r = run(ALL_HEADERS, [row({ quantity: '3', unit_price: '0,3333', amount: '1,02' })])
    expect(r.errors[0]).toMatchObject({ code: 'amount_mismatch', field: 'amount', value: '1,02' })
    expect(r.errors[0].message).toMatch(/1\.00 NOK/)
  })
  it('decides `1,500` by the rest of the column, or by the file locale with a warning', () => {
    const byColumn = run(ALL_HEADERS, [
      row({ amount: '1,500', line_id: '1' }),
      row({ amount: '2,5', line_id: '2' }),
    ])
    expect(byColumn.warnings.filter((w) => w.code === 'number_ambiguous')).toEqual([])
    expect(byColumn.invoices[0].amount).toBe(150 + 250)
    const byLocale = run(ALL_HEADERS, [row({ amount: '1,500' })])
    expect(byLocale.invoices[0].amount).toBe(150)
    const w = byLocale.warnings.find((x) => x.code === 'number_ambiguous')
    expect(w).toMatchObject({ rows: [2], field: 'amount', value: '1,500' })
    expect(w?.message).toMatch(/read as 1\.5.*decimal comma/)
    const dot = run(ALL_HEADERS, [row({ amount: '1,500' })], { decimalCommaHint: false })
    expect(dot.invoices[0].amount).toBe(150000)
  })
  it('sends quantity 1 when only the amount is given', () => {
    const r = run(ALL_HEADERS, [row({ quantity: '', amount: 'kr 1 299,-' })])
    expect(r.invoices[0].request.session.order.items[0]).toMatchObject({ quantity: 1, amount: 129900 })
  })
})

describe('every error code', () => {
  const cases: [string, Record<string, RawCell>, string?][] = [
    ['reference_missing', { merchant_reference: '' }],
    ['missing_value', { first_name: '' }, 'first_name'],
    ['missing_value', { description: '' }, 'description'],
    ['missing_value', { days_until_due: '' }, 'days_until_due'],
    ['missing_value', { payment_product_type: 'b2b' }, 'business_name'],
    ['missing_value', { vat: '' }, 'vat'],
    ['missing_value', { quantity: '', unit_price: '10', amount: '' }, 'quantity'],
    ['product_type_invalid', { payment_product_type: 'kunde' }],
    ['days_invalid', { days_until_due: '400' }],
    ['due_date_invalid', { days_until_due: '', due_date: '32.01.2027' }],
    ['due_date_past', { days_until_due: '', due_date: '24.11.2026' }],
    ['due_date_too_far', { days_until_due: '', due_date: '2027-11-27' }],
    ['channel_invalid', { invoice_channel: 'post' }],
    [
      'org_number_invalid',
      { payment_product_type: 'b2b', business_name: 'X AS', organization_number: '1234' },
    ],
    ['email_invalid', { email: 'kari.example.no' }],
    ['phone_invalid', { phone_number: '12345' }],
    ['postal_code_invalid', { postal_code: '12345' }],
    ['country_invalid', { country: 'Atlantis' }],
    ['currency_not_supported', { currency: 'SEK' }],
    ['quantity_invalid', { quantity: 'tre' }],
    ['quantity_not_positive', { quantity: '0' }],
    ['quantity_too_many_decimals', { quantity: '1,00001', amount: '', unit_price: '1' }],
    ['unit_price_invalid', { unit_price: 'gratis', amount: '' }],
    ['unit_price_not_positive', { unit_price: '-5', amount: '' }],
    ['unit_price_too_many_decimals', { unit_price: '0,12345', amount: '' }],
    ['amount_invalid', { amount: '12x' }],
    ['amount_negative', { amount: '-10' }],
    ['amount_missing', { amount: '' }],
    ['amount_mismatch', { unit_price: '100', amount: '200' }],
    ['vat_invalid', { vat: 'høy' }],
    ['vat_rate_not_allowed', { vat: '24' }],
    ['total_not_positive', { amount: '0' }],
    ['amount_too_large', { amount: '30 000 000' }],
    ['name_one_word', { first_name: '', last_name: '', full_name: 'Cher' }, 'full_name'],
    ['postal_code_place_invalid', { postal_code: '', postal_place: '', postal_code_place: 'Oslo sentrum' }],
  ]
  it.each(cases)('%s (%j)', (code, over, field) => {
    const r = run(ALL_HEADERS, [row(over)])
    const e = r.errors.find((x) => x.code === code && (!field || x.field === field))
    expect(e, JSON.stringify(r.errors)).toBeDefined()
    expect(e?.rows).toEqual([2])
    expect(e?.message).toMatch(/^Row 2/)
    expect(e?.message_nb).toMatch(/^Rad 2/)
    expect(r.invoices).toEqual([])
  })

  it('warns (and still sends) for a failed org number check digit, a padded postal code and b2c business fields', () => {
    const r = run(ALL_HEADERS, [row({ postal_code: '151', organization_number: '923609016' })])
    expect(r.errors).toEqual([])
    expect(r.warnings.map((w) => w.code).sort()).toEqual(['b2c_business_ignored', 'postal_code_padded'])
    expect(r.invoices[0].request.session.order.billing_address.postal_code).toBe('0151')
  })

  it('reports an unmapped required field once, and blocks every invoice', () => {
    const headers = ALL_HEADERS.filter((h) => h !== 'vat')
    const r = run(headers, [row({}), row({ merchant_reference: 'B' })])
    expect(r.errors.filter((e) => e.code === 'field_not_mapped')).toHaveLength(1)
    expect(r.errors[0]).toMatchObject({ rows: [], field: 'vat' })
    expect(r.errors[0].message).toBe(
      'No column is mapped to VAT rate % or VAT code (one of them is needed) and no default is set, so no invoice can be made.',
    )
    expect(r.errors[0].message_nb).toBe(
      'Ingen kolonne er koblet til MVA-sats % eller MVA-kode (ett av dem trengs) og ingen standardverdi er satt, så ingen faktura kan lages.',
    )
    expect(r.invoices).toEqual([])
    // A fixed value fills the absent column.
    const ok = run(headers, [row({})], { constants: { vat: '25' } })
    expect(ok.errors).toEqual([])
    // With no price column at all, the four ways to give one are listed by their labels.
    const noPrice = run(
      ALL_HEADERS.filter((h) => h !== 'amount' && h !== 'unit_price'),
      [row({})],
    ).errors.find((e) => e.code === 'field_not_mapped')
    expect(noPrice?.message).toBe(
      'No column is mapped to Line amount incl. VAT, Unit price incl. VAT, Line amount excl. VAT or Unit price excl. VAT (one of them is needed) and no default is set, so no invoice can be made.',
    )
    expect(noPrice?.message_nb).toMatch(
      /^Ingen kolonne er koblet til Linjebeløp inkl\. mva, .* eller Enhetspris eks\. mva \(ett av dem trengs\)/,
    )
  })

  it('refuses references invoiced in an earlier run', () => {
    const r = run(ALL_HEADERS, [row({}), row({ merchant_reference: 'B-2' })], {
      invoicedLookup: (refs) => new Set(refs.filter((x) => x === 'B-2')),
      invoicedScope: 'sandbox, account T12345678',
    })
    expect(r.invoices.map((i) => i.merchant_reference)).toEqual(['A-1'])
    expect(r.errors[0]).toMatchObject({ code: 'already_invoiced', rows: [3], value: 'B-2' })
    expect(r.errors[0].message).toMatch(/sandbox, account T12345678/)
  })

  it('has a test for every code it can raise', () => {
    const covered = new Set([
      ...cases.map((c) => c[0]),
      'field_not_mapped',
      'read_issue',
      'org_number_checksum',
      'postal_code_padded',
      'number_ambiguous',
      'b2c_business_ignored',
      'conflicting_values',
      'line_id_duplicate',
      'already_invoiced',
      // test/unit/invoice/customer.test.ts
      'product_type_from_org_number',
      'due_moved', // business-days.test.ts
      // price-basis.test.ts: prices excluding VAT, discounts and VAT codes
      'vat_code_invalid',
      'vat_code_input',
      'vat_code_conflict',
      'discount_invalid',
      'price_basis_mismatch',
    ])
    expect(ISSUE_CODES.filter((c) => !covered.has(c))).toEqual([])
  })
})

describe('due dates', () => {
  it('keeps the due date and counts days in Oslo', () => {
    const r = run(ALL_HEADERS, [row({ days_until_due: '', due_date: '09.12.2026' })])
    expect(r.invoices[0].due_date).toBe('2026-12-09')
    expect(r.invoices[0].request.payment.days_until_due).toBe(14)
  })
})

describe('inline edits', () => {
  it('re-checks only the touched invoice and moves a row to another invoice', () => {
    const src = sheet(ALL_HEADERS, [
      row({ email: 'bad' }),
      row({ merchant_reference: 'B-2', line_id: '1' }),
      row({ merchant_reference: 'B-2', line_id: '2', amount: '1' }),
    ])
    const s = new ValidationSession(ALL_HEADERS, {
      columns: suggestMapping(ALL_HEADERS, src).columns,
      now: NOW,
    })
    s.addRows(src)
    const first = s.finish()
    expect(first.invalid.map((i) => i.merchant_reference)).toEqual(['A-1'])
    const email = ALL_HEADERS.indexOf('email')
    const fix = s.editCell(2, email, 'kari@example.no')
    expect(fix.changed).toHaveLength(1)
    expect(fix.changed[0].ok).toBe(true)
    expect(s.result().invalid).toEqual([])
    // Row 4 moves from B-2 into A-1.
    const move = s.editCell(4, ALL_HEADERS.indexOf('merchant_reference'), 'A-1')
    expect(
      move.changed.map((o) => (o.ok ? o.invoice.merchant_reference : o.invalid.merchant_reference)).sort(),
    ).toEqual(['A-1', 'B-2'])
    const res = s.result()
    expect(res.invoices.find((i) => i.merchant_reference === 'A-1')?.rows).toEqual([2, 4])
    expect(res.summary.total_amount).toBe(29900 + 100 + 29900)
    // Emptying B-2's last row removes the invoice.
    const gone = s.editCell(3, ALL_HEADERS.indexOf('merchant_reference'), '')
    expect(gone.removed).toEqual(['B-2'])
    expect(s.result().errors.map((e) => e.code)).toEqual(['reference_missing'])
  })
})

describe('Norwegian letters', () => {
  it('sends text trimmed and in NFC, whatever form the file used', () => {
    const decomposed = 'A\u030ase' // "Åse" as a + combining ring (macOS exports)
    const r = run(ALL_HEADERS, [
      row({ first_name: `  ${decomposed} `, last_name: 'Ødegård', postal_place: 'Tromsø' }),
    ])
    const a = r.invoices[0].request.session.order.billing_address
    expect(a.first_name).toBe('\u00c5se')
    expect(a.first_name).toHaveLength(3)
    expect(a.last_name).toBe('Ødegård')
    expect(a.postal_place).toBe('Tromsø')
  })
})

describe('streaming in chunks', () => {
  const mk = (ref: string, amount: string, line_id: string) =>
    row({ merchant_reference: ref, amount, line_id })

  it('gives the same result as one call when an invoice comes back in a later chunk', () => {
    const rows = sheet(ALL_HEADERS, [
      mk('A', '10', '1'),
      mk('B', '20', '1'),
      mk('C', '5', '1'),
      mk('A', '30', '2'),
      mk('D', '1', '1'),
    ])
    const columns = suggestMapping(ALL_HEADERS, rows).columns
    const s = new ValidationSession(ALL_HEADERS, { columns, now: NOW })
    s.addRows(rows.slice(0, 2))
    s.addRows(rows.slice(2, 4))
    s.addRows(rows.slice(4))
    const streamed = s.finish()
    const whole = run(ALL_HEADERS, [
      mk('A', '10', '1'),
      mk('B', '20', '1'),
      mk('C', '5', '1'),
      mk('A', '30', '2'),
      mk('D', '1', '1'),
    ])
    expect(streamed).toEqual(whole)
    expect(streamed.invoices.map((i) => [i.merchant_reference, i.rows, i.amount])).toEqual([
      ['A', [2, 5], 4000],
      ['B', [3], 2000],
      ['C', [4], 500],
      ['D', [6], 100],
    ])
  })

  it('waits for the column decision before reading `1,500` checked early', () => {
    const rows = sheet(ALL_HEADERS, [mk('A', '1,500', '1'), mk('B', '2', '1'), mk('C', '1,299.50', '1')])
    const columns = suggestMapping(ALL_HEADERS, rows).columns
    const s = new ValidationSession(ALL_HEADERS, { columns, now: NOW, decimalCommaHint: true })
    for (const r of rows) s.addRows([r])
    const res = s.finish()
    // "1,299.50" proves a decimal point in this column, so "1,500" is 1500 kr, not 1.5.
    expect(res.invoices.map((i) => i.amount)).toEqual([150000, 200, 129950])
    expect(res.warnings.filter((w) => w.code === 'number_ambiguous')).toEqual([])
  })
})

describe('reader findings', () => {
  it('a ragged-row error given up front (preIssues) makes its invoice invalid; others stay file-level', () => {
    const rows = sheet(ALL_HEADERS, [row({}), row({ merchant_reference: 'B-2' })])
    const issue = (line: number) => ({
      severity: 'error' as const,
      code: 'ragged_row',
      rows: line ? [line] : [],
      column: null,
      field: null,
      value: null,
      message: 'm',
      message_nb: 'm',
    })
    const s = new ValidationSession(ALL_HEADERS, {
      columns: suggestMapping(ALL_HEADERS, rows).columns,
      now: NOW,
      preIssues: [issue(3), issue(0)],
    })
    s.addRows(rows)
    const r = s.finish()
    expect(r.invoices.map((i) => i.merchant_reference)).toEqual(['A-1'])
    expect(r.invalid[0]).toMatchObject({ merchant_reference: 'B-2' })
    expect(r.errors.map((e) => [e.code, e.rows])).toEqual([
      ['ragged_row', []],
      ['ragged_row', [3]],
    ])
  })
})
