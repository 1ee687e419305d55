import { decFromNumber, vatOfGross } from '../../shared/money'
import { INVOICED_STATES } from '../../shared/states'
import type { Db } from '../db/open'
import type { Batch } from '../journal/types'
import { invoiceMoney, reportStatus } from './invoice-sheet'
import {
  CUSTOMER_TYPE_WORDS,
  dateFormatFor,
  ENVIRONMENT_WORDS,
  INVOICE_COLUMNS,
  type ReportLang,
  type ReportStatus,
  STATUS_ORDER,
  STATUS_WORDS,
  SUMMARY_WORDS,
  vatRateWords,
} from './labels'
import { osloDateTime } from '../values/oslo-date'
import type { ReportSource } from './report-rows'
import type { Cell, Table } from './table'

export interface Sums {
  count: number
  net: number
  vat: number
  gross: number
}

/** A batch's figures for the summary sheet, all amounts in øre. */
export interface BatchFigures {
  byStatus: Partial<Record<ReportStatus, Sums>>
  /** Invoices created (Dintero holds or held them), per VAT rate; `count` counts lines. */
  byVatRate: Record<string, Sums>
  /** Invoices created, per product type. */
  byType: Record<string, Sums>
  created: number
  paid: number
  outstanding: number
  voidedUnpaid: number
  /** Invoices created whose paid amount is not known (part-paid, never read since payments were kept). */
  paidUnknown: number
  /** When the first invoice left, ISO; null if none did. */
  firstSentAt: string | null
}

const empty = (): Sums => ({ count: 0, net: 0, vat: 0, gross: 0 })
const add = (s: Sums, net: number, vat: number, count = 1) => {
  s.count += count
  s.net += net
  s.vat += vat
  s.gross += net + vat
}

type FigureRow = Pick<
  ReportSource,
  'state' | 'transaction_status' | 'amount' | 'vat_amount' | 'paid_amount' | 'product_type' | 'first_sent_at'
>

export function batchFigures(db: Db, batchId: string): BatchFigures {
  const f: BatchFigures = {
    byStatus: {},
    byVatRate: {},
    byType: {},
    created: 0,
    paid: 0,
    outstanding: 0,
    voidedUnpaid: 0,
    paidUnknown: 0,
    firstSentAt: null,
  }
  const invoiced = new Set<string>(INVOICED_STATES)
  // Only the columns the figures need: a 100k-row batch is summed without reading its texts.
  const rows = db
    .prepare(
      `SELECT state, transaction_status, amount, vat_amount, paid_amount, product_type, first_sent_at
       FROM invoices WHERE batch_id = ?`,
    )
    .iterate(batchId) as Iterable<FigureRow>
  for (const inv of rows) {
    const m = invoiceMoney(inv)
    const status = reportStatus(inv)
    f.byStatus[status] ??= empty()
    add(f.byStatus[status], m.net, m.vat)
    if (inv.first_sent_at && (!f.firstSentAt || inv.first_sent_at < f.firstSentAt))
      f.firstSentAt = inv.first_sent_at
    if (!invoiced.has(inv.state)) continue
    f.byType[inv.product_type] ??= empty()
    add(f.byType[inv.product_type], m.net, m.vat)
    f.created += m.gross
    if (m.paid === null) f.paidUnknown++
    f.paid += m.paid ?? 0
    f.outstanding += m.outstanding ?? 0
    f.voidedUnpaid += m.voidedUnpaid
  }
  // VAT per rate is per line (the rounding Kravia gets), from the frozen request bodies; SQLite
  // picks the lines out, so no body is parsed in JavaScript.
  const lines = db
    .prepare(
      `SELECT json_extract(item.value, '$.amount') AS amount, json_extract(item.value, '$.vat') AS vat
       FROM invoices, json_each(invoices.request_json, '$.session.order.items') AS item
       WHERE invoices.batch_id = ? AND invoices.state IN (${INVOICED_STATES.map(() => '?').join(',')})`,
    )
    .iterate(batchId, ...INVOICED_STATES) as Iterable<{ amount: number; vat: number }>
  for (const line of lines) {
    const key = String(line.vat)
    const rate = decFromNumber(line.vat)
    const vat = rate ? Number(vatOfGross(BigInt(line.amount), rate)) : 0
    f.byVatRate[key] ??= empty()
    add(f.byVatRate[key], line.amount - vat, vat)
  }
  return f
}

const kr = (ore: number): Cell => ({ ore })

/**
 * The summary sheet: the batch's particulars, then counts and sums per status, per VAT rate
 * (net, VAT, gross), per customer type, and paid against outstanding — every amount a number.
 */
export function summarySheet(batch: Batch, f: BatchFigures, lang: ReportLang): Table {
  const w = (k: keyof typeof SUMMARY_WORDS) => SUMMARY_WORDS[k][lang]
  const col = (k: keyof typeof INVOICE_COLUMNS) => INVOICE_COLUMNS[k][lang]
  const sent = f.firstSentAt ?? batch.created_at
  const rows: Cell[][] = [
    [w('batch'), batch.id],
    [w('file'), batch.source_name],
    [w('environment'), ENVIRONMENT_WORDS[batch.env]?.[lang] ?? batch.env],
    [w('account'), batch.account],
    [w('sentAt'), osloDateTime(new Date(sent))],
    [],
  ]
  const block = (title: string, countLabel: string, entries: [string, Sums][]) => {
    rows.push([title, countLabel, col('net'), col('vat'), col('gross')])
    const total = empty()
    for (const [label, s] of entries) {
      rows.push([label, s.count, kr(s.net), kr(s.vat), kr(s.gross)])
      add(total, s.net, s.vat, s.count)
    }
    rows.push([w('total'), total.count, kr(total.net), kr(total.vat), kr(total.gross)])
    rows.push([])
  }
  block(
    w('byStatus'),
    w('count'),
    STATUS_ORDER.filter((s) => f.byStatus[s]).map((s) => [STATUS_WORDS[s][lang], f.byStatus[s]!]),
  )
  const rates = Object.keys(f.byVatRate).sort((a, b) => Number(b) - Number(a))
  block(
    w('byVat'),
    w('lines'),
    rates.map((r) => [vatRateWords(Number(r), lang), f.byVatRate[r]]),
  )
  block(
    w('byType'),
    w('count'),
    Object.entries(f.byType).map(([t, s]) => [
      CUSTOMER_TYPE_WORDS[t as keyof typeof CUSTOMER_TYPE_WORDS]?.[lang] ?? t,
      s,
    ]),
  )
  rows.push([w('payments'), w('amount')])
  rows.push([w('created'), kr(f.created)])
  rows.push([w('paid'), kr(f.paid)])
  rows.push([w('outstanding'), kr(f.outstanding)])
  rows.push([w('cancelledUnpaid'), kr(f.voidedUnpaid)])
  return {
    headers: [w('sheet')],
    rows,
    layout: { widths: [36, 16, 15, 13, 15], dateFormat: dateFormatFor(lang) },
  }
}
