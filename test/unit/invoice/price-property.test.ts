import { describe, expect, it } from 'vitest'
import type { RawCell } from '../../../src/main/import/types'
import { validateRows } from '../../../src/main/invoice'
import type { CanonicalField } from '../../../src/shared/canonical'
import { NOW } from './helpers'

/** A small seeded generator, so a failure can be replayed. */
function prng(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const FIXED: [CanonicalField, string][] = [
  ['payment_product_type', 'b2c'],
  ['days_until_due', '14'],
  ['first_name', 'Kari'],
  ['last_name', 'Nordmann'],
  ['email', 'kari@example.no'],
  ['phone_number', '98765432'],
  ['address_line', 'Lillegata 5'],
  ['postal_code', '5003'],
  ['postal_place', 'Bergen'],
  ['description', 'Vare'],
]
const LINE: CanonicalField[] = ['merchant_reference', 'quantity', 'vat', 'discount_percent']

/** A decimal as a sheet writes it, with a comma: 1234 units at scale 2 → "12,34". */
function written(units: bigint, scale: number): string {
  const s = units.toString().padStart(scale + 1, '0')
  return scale === 0 ? s : `${s.slice(0, -scale)},${s.slice(-scale)}`
}

/** round(num / den) half away from zero, for non-negative values: the test's own arithmetic. */
const half = (num: bigint, den: bigint) => (2n * num + den) / (2n * den)

const RATES: [string, bigint, bigint][] = [
  // written, rate × 100 as an integer, …
  ['0', 0n, 100n],
  ['11,11', 1111n, 100n],
  ['12', 1200n, 100n],
  ['15', 1500n, 100n],
  ['25', 2500n, 100n],
]

function run(basis: 'excl' | 'incl', seed: number) {
  const rnd = prng(seed)
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1))
  const price: CanonicalField = basis === 'excl' ? 'unit_price_excl_vat' : 'unit_price'
  const fields = [...FIXED.map((f) => f[0]), ...LINE, price]
  const columns = Object.fromEntries(fields.map((f, i) => [f, i]))
  const rows: { line: number; cells: RawCell[] }[] = []
  const expected = new Map<string, { amount: bigint; vat: bigint }[]>()
  for (let inv = 0; inv < 300; inv++) {
    const ref = `R${inv}`
    const lines: { amount: bigint; vat: bigint }[] = []
    for (let l = int(1, 6); l > 0; l--) {
      const qScale = int(0, 4)
      // Up to 100 units and 20 000 kr a unit: six lines stay under Kravia's per-invoice limit.
      const qUnits = BigInt(int(1, 100 * 10 ** qScale))
      const pScale = int(0, 4)
      const pUnits = BigInt(int(1, 20_000 * 10 ** pScale))
      const dHundredths = rnd() < 0.3 ? 0n : BigInt(int(0, 10_000))
      const [rateText, rate100] = RATES[int(0, RATES.length - 1)]
      // qty × price × (1 − d) in øre: units/10^(qs+ps) × (10000 − dH)/10000 × 100
      const num = qUnits * pUnits * (10_000n - dHundredths)
      const den = 10n ** BigInt(qScale + pScale) * 100n
      const line = half(num, den)
      const vat = basis === 'excl' ? half(line * rate100, 10_000n) : half(line * rate100, 10_000n + rate100)
      lines.push({ amount: basis === 'excl' ? line + vat : line, vat })
      const cells: RawCell[] = [
        ...FIXED.map((f) => f[1]),
        ref,
        written(qUnits, qScale),
        rateText,
        dHundredths === 0n && rnd() < 0.5 ? '' : written(dHundredths, 2),
        written(pUnits, pScale),
      ]
      rows.push({ line: rows.length + 2, cells })
    }
    expected.set(ref, lines)
  }
  const r = validateRows(fields, rows, { columns, now: NOW, decimalCommaHint: true })
  return { r, expected }
}

describe('line arithmetic, for random quantities, prices, discounts and rates', () => {
  for (const basis of ['excl', 'incl'] as const)
    it(`${basis}: Σ items = order.amount and order.vat_amount = Σ line VAT, exactly, in whole øre`, () => {
      for (const seed of [1, 2, 3]) {
        const { r, expected } = run(basis, seed)
        expect(r.errors).toEqual([])
        expect(r.invoices).toHaveLength(300)
        for (const inv of r.invoices) {
          const o = inv.request.session.order
          const want = expected.get(inv.merchant_reference) ?? []
          expect(o.items.map((i) => BigInt(i.amount))).toEqual(want.map((w) => w.amount))
          expect(inv.item_vat.map(BigInt)).toEqual(want.map((w) => w.vat))
          for (const i of o.items) expect(Number.isInteger(i.amount)).toBe(true)
          expect(o.amount).toBe(o.items.reduce((s, i) => s + i.amount, 0))
          expect(o.vat_amount).toBe(inv.item_vat.reduce((s, v) => s + v, 0))
          expect(Number.isInteger(o.vat_amount)).toBe(true)
        }
      }
    })
})
