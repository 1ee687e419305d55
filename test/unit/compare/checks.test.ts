import { describe, expect, it } from 'vitest'
import {
  compareBatch,
  comparisonWarnings,
  type PreviousRun,
  type ThisInvoice,
} from '../../../src/main/compare'
import { percentChange } from '../../../src/shared/comparison'

/** A small club's monthly run: one invoice per member, one line each unless given. */
function inv(
  ref: string,
  row: number,
  who: { name: string; org?: string; email?: string },
  lines: [string, number][],
): ThisInvoice {
  return {
    merchant_reference: ref,
    rows: lines.map((_, i) => row + i),
    amount: lines.reduce((s, [, a]) => s + a, 0),
    customer: { name: who.name, email: who.email ?? null, organization_number: who.org ?? null },
    lines: lines.map(([description, amount]) => ({ description, amount })),
  }
}

const FJORD = { name: 'Fjordkraft Regnskap AS', org: '923609016', email: 'post@fjord.no' }
const BAKER = { name: 'Bakeriet på hjørnet AS', org: '974760673', email: 'faktura@bakeriet.no' }
const KARI = { name: 'Kari Nordmann', email: 'kari@example.no' }
const OLA = { name: 'Ola Hansen', email: 'ola@example.no' }

function previous(list: { ref: string; who: typeof KARI & { org?: string }; amount: number }[]): PreviousRun {
  return {
    batch: {
      id: '261103-090000',
      source_name: 'oktober.csv',
      created_at: '2026-11-03T09:00:00.000Z',
      finished_at: '2026-11-03T09:01:00.000Z',
    },
    invoices: list.map((x) => ({
      merchant_reference: x.ref,
      amount: x.amount,
      customer: { name: x.who.name, email: x.who.email, organization_number: x.who.org ?? null },
    })),
  }
}

describe('possible duplicates', () => {
  it('finds one customer invoiced twice with the same total and lines under different references', () => {
    const c = compareBatch(
      [
        inv('2026-11-001', 2, FJORD, [
          ['Regnskap november', 4500_00],
          ['Lønn', 1200_00],
        ]),
        inv('2026-11-002', 4, KARI, [['Medlemskontingent', 450_00]]),
        // The same rows pasted again, lines in another order and other spacing.
        inv('2026-11-009', 11, { ...FJORD, email: 'annen@fjord.no' }, [
          ['lønn', 1200_00],
          ['Regnskap  november', 4500_00],
        ]),
      ],
      null,
    )
    expect(c.possible_duplicates).toEqual([
      {
        customer: {
          key: 'org:923609016',
          name: 'Fjordkraft Regnskap AS',
          organization_number: '923609016',
          email: 'post@fjord.no',
        },
        amount: 5700_00,
        descriptions: ['Regnskap november', 'Lønn'],
        invoices: [
          { merchant_reference: '2026-11-001', rows: [2, 3] },
          { merchant_reference: '2026-11-009', rows: [11, 12] },
        ],
      },
    ])
  })

  it('matches private customers by e-mail, and not when total or lines differ', () => {
    const c = compareBatch(
      [
        inv('A', 2, KARI, [['Medlemskontingent', 450_00]]),
        inv('B', 3, { ...KARI, email: 'KARI@example.no ' }, [['Medlemskontingent', 450_00]]),
        inv('C', 4, KARI, [['Medlemskontingent', 500_00]]),
        inv('D', 5, KARI, [['Treningsavgift', 450_00]]),
        inv('E', 6, OLA, [['Medlemskontingent', 450_00]]),
      ],
      null,
    )
    expect(c.possible_duplicates.map((d) => d.invoices.map((i) => i.merchant_reference))).toEqual([
      ['A', 'B'],
    ])
  })
})

describe('against the previous run', () => {
  const prev = previous([
    { ref: 'OKT-1', who: FJORD, amount: 5700_00 },
    { ref: 'OKT-2', who: BAKER, amount: 1299_00 },
    { ref: 'OKT-3', who: KARI, amount: 450_00 },
    { ref: 'OKT-4', who: OLA, amount: 2000_00 },
  ])

  it('lists customers missing and new, by org.nr else e-mail', () => {
    const c = compareBatch(
      [
        inv('NOV-1', 2, { ...FJORD, email: 'ny@fjord.no', name: 'Fjordkraft Regnskap' }, [
          ['Regnskap', 5700_00],
        ]),
        inv('NOV-2', 3, BAKER, [['Brød', 1299_00]]),
        inv('NOV-3', 4, OLA, [['Kontingent', 2000_00]]),
        inv('NOV-4', 5, { name: 'Per Olsen', email: 'per@example.no' }, [['Kontingent', 450_00]]),
      ],
      prev,
    )
    expect(c.previous_batch?.id).toBe('261103-090000')
    expect(c.customers_missing).toEqual([
      {
        customer: {
          key: 'email:kari@example.no',
          name: 'Kari Nordmann',
          organization_number: null,
          email: 'kari@example.no',
        },
        previous_amount: 450_00,
        previous_references: ['OKT-3'],
      },
    ])
    expect(c.customers_new.map((n) => [n.customer.key, n.references, n.rows, n.amount])).toEqual([
      ['email:per@example.no', ['NOV-4'], [5], 450_00],
    ])
    expect(c.totals).toEqual({
      this: { invoices: 4, amount: 9449_00 },
      previous: { invoices: 4, amount: 9449_00 },
      change_percent: { invoices: 0, amount: 0 },
    })
  })

  it('flags a total that moved more than 50 % and more than 500 kr, up or down', () => {
    const c = compareBatch(
      [
        // An extra zero: 1 299 → 12 990 kr (+900 %).
        inv('NOV-2', 3, BAKER, [['Brød', 12990_00]]),
        // Down: 2 000 → 900 kr (−55 %, 1 100 kr).
        inv('NOV-4', 5, OLA, [['Kontingent', 900_00]]),
        // Up 100 % but only 450 kr: not flagged.
        inv('NOV-3', 4, KARI, [['Kontingent', 900_00]]),
        // Exactly +50 % (2 850 kr): not more than 50 %.
        inv('NOV-1', 2, FJORD, [['Regnskap', 8550_00]]),
      ],
      prev,
    )
    expect(
      c.amounts_changed.map((a) => [
        a.references[0],
        a.previous_amount,
        a.amount,
        a.change,
        a.change_percent,
      ]),
    ).toEqual([
      ['NOV-2', 1299_00, 12990_00, 11691_00, 900],
      ['NOV-4', 2000_00, 900_00, -1100_00, -55],
    ])
    expect(c.totals.change_percent).toEqual({ invoices: 0, amount: 147 }) // 9 449 → 23 340 kr
  })

  it('has no previous-run findings without a previous run', () => {
    const c = compareBatch([inv('A', 2, KARI, [['Kontingent', 450_00]])], null)
    expect(c).toMatchObject({
      previous_batch: null,
      totals: {
        this: { invoices: 1, amount: 450_00 },
        previous: null,
        change_percent: { invoices: null, amount: null },
      },
      customers_missing: [],
      customers_new: [],
      amounts_changed: [],
    })
  })
})

describe('amount outliers', () => {
  const members = (n: number, amount: number, from = 2) =>
    Array.from({ length: n }, (_, i) =>
      inv(`M-${i + 1}`, from + i, { name: `Medlem ${i + 1}`, email: `m${i + 1}@example.no` }, [
        ['Kontingent', amount],
      ]),
    )

  it('flags a line above 10× the median of its description and ≥ 1 000 kr above it', () => {
    const c = compareBatch([...members(2, 450_00), inv('X', 9, KARI, [['kontingent', 4500_00 + 1]])], null)
    expect(c.amount_outliers).toEqual([
      {
        merchant_reference: 'X',
        rows: [9],
        description: 'kontingent',
        amount: 4500_01,
        median: 450_00,
        lines: 3,
      },
    ])
  })

  it('needs three lines, more than 10×, and 1 000 kr above the median', () => {
    // Two lines only.
    expect(
      compareBatch([...members(1, 450_00), inv('X', 9, KARI, [['Kontingent', 45000_00]])], null)
        .amount_outliers,
    ).toEqual([])
    // Exactly 10×.
    expect(
      compareBatch([...members(2, 450_00), inv('X', 9, KARI, [['Kontingent', 4500_00]])], null)
        .amount_outliers,
    ).toEqual([])
    // 15× but only 700 kr above: small amounts are not flagged.
    expect(
      compareBatch([...members(2, 50_00), inv('X', 9, KARI, [['Kontingent', 750_00]])], null).amount_outliers,
    ).toEqual([])
  })

  it('takes an even count’s median half-way between the middle amounts, the line itself counted', () => {
    // 100, 101, 200, 2 500 kr: the median is 150,50 kr; 2 500 kr is 16.6× and 2 349,50 kr above.
    const c = compareBatch(
      [
        inv('A', 2, KARI, [['Leie', 100_00]]),
        inv('B', 3, OLA, [['Leie', 101_00]]),
        inv('C', 4, BAKER, [['Leie', 200_00]]),
        inv('D', 5, FJORD, [['Leie', 2500_00]]),
      ],
      null,
    )
    expect(c.amount_outliers).toEqual([
      { merchant_reference: 'D', rows: [5], description: 'Leie', amount: 2500_00, median: 150_50, lines: 4 },
    ])
  })

  it('points at the line’s own row on a multi-line invoice', () => {
    const c = compareBatch(
      [
        ...members(3, 300_00),
        inv('Y', 20, OLA, [
          ['Lisens', 100_00],
          ['Kontingent', 30000_00],
        ]),
      ],
      null,
    )
    expect(c.amount_outliers.map((o) => [o.merchant_reference, o.rows])).toEqual([['Y', [21]]])
  })
})

describe('percentages without floating-point money', () => {
  it('rounds to one decimal, half away from zero, from whole numbers', () => {
    expect(percentChange(3, 4)).toBe(33.3)
    expect(percentChange(3, 5)).toBe(66.7)
    expect(percentChange(3, 2)).toBe(-33.3)
    expect(percentChange(2000, 2001)).toBe(0.1) // 0.05 % rounds up
    expect(percentChange(1299_00, 12990_00)).toBe(900)
    expect(percentChange(0, 100)).toBeNull()
    // Totals far beyond what a double holds exactly when multiplied by 1 000.
    expect(percentChange(9_000_000_000_000_001, 18_000_000_000_000_002)).toBe(100)
  })
})

describe('warnings', () => {
  it('names rows, references and amounts in both languages', () => {
    const prev = previous([
      { ref: 'OKT-2', who: BAKER, amount: 1299_00 },
      { ref: 'OKT-3', who: KARI, amount: 450_00 },
    ])
    const c = compareBatch(
      [
        inv('NOV-2', 3, BAKER, [['Brød', 12990_00]]),
        inv('NOV-5', 4, OLA, [['Kontingent', 450_00]]),
        inv('NOV-6', 5, OLA, [['Kontingent', 450_00]]),
      ],
      prev,
    )
    const w = comparisonWarnings(c)
    expect(w.map((x) => [x.code, x.rows, x.merchant_reference ?? null, x.severity])).toEqual([
      ['possible_duplicate', [4, 5], 'NOV-6', 'warning'],
      ['customer_missing', [], null, 'warning'],
      ['customer_new', [4, 5], 'NOV-5', 'warning'],
      ['amount_changed', [3], 'NOV-2', 'warning'],
    ])
    expect(w[0].message_nb).toBe(
      'Rad 4 og 5: fakturaene NOV-5 og NOV-6 til Ola Hansen (ola@example.no) kan være samme faktura to ganger: samme sum 450,00 kr og de samme linjene.',
    )
    expect(w[1].message).toBe(
      'Kari Nordmann (kari@example.no) was invoiced in the previous run (OKT-3, 450.00 NOK) but is not in this one.',
    )
    expect(w[3].message_nb).toBe(
      'Rad 3: Bakeriet på hjørnet AS (org.nr. 974760673) faktureres 12\u00a0990,00 kr, mot 1\u00a0299,00 kr i forrige kjøring (+900,0 %).',
    )
  })
})
