import { INVOICED_STATES, type InvoiceState } from '../../shared/states'
import type { Db } from '../db/open'
import {
  CUSTOMER_TYPE_WORDS,
  dateFormatFor,
  INVOICE_COLUMN_KEYS,
  INVOICE_COLUMNS,
  type InvoiceColumn,
  type ReportLang,
  type ReportStatus,
  STATUS_WORDS,
  SUMMARY_WORDS,
} from './labels'
import { localDateOf } from './local-date'
import { batchReportSources, errorText, isRestCancelled, type ReportSource } from './report-rows'
import type { Cell, Money, Table } from './table'

const INVOICED: ReadonlySet<InvoiceState> = new Set(INVOICED_STATES)

export function reportStatus(inv: Pick<ReportSource, 'state' | 'transaction_status'>): ReportStatus {
  return isRestCancelled(inv) ? 'rest_cancelled' : inv.state
}

/** What an invoice's money did, in øre; null where it does not apply (never invoiced) or is not known. */
export interface InvoiceMoney {
  net: number
  vat: number
  gross: number
  /** Captured by Dintero so far. */
  paid: number | null
  /** Still to be paid; 0 once voided. */
  outstanding: number | null
  /** The unpaid part of a voided invoice. */
  voidedUnpaid: number
}

export function invoiceMoney(
  inv: Pick<ReportSource, 'state' | 'amount' | 'vat_amount' | 'paid_amount'>,
): InvoiceMoney {
  const vat = inv.vat_amount ?? 0
  const base = { net: inv.amount - vat, vat, gross: inv.amount, voidedUnpaid: 0 }
  if (!INVOICED.has(inv.state)) return { ...base, paid: null, outstanding: null }
  // A row marked paid before capture events were kept: paid in full is what the state says.
  const paid = inv.paid_amount ?? (inv.state === 'paid' ? inv.amount : inv.state === 'part_paid' ? null : 0)
  if (paid === null) return { ...base, paid: null, outstanding: null }
  const rest = Math.max(inv.amount - paid, 0)
  if (inv.state === 'voided') return { ...base, paid, outstanding: 0, voidedUnpaid: rest }
  return { ...base, paid, outstanding: rest }
}

const money = (ore: number | null): Money | null => (ore === null ? null : { ore })

/** One invoice as the accountant's report shows it, keyed by column. */
export function invoiceCells(inv: ReportSource, lang: ReportLang): Record<InvoiceColumn, Cell> {
  const m = invoiceMoney(inv)
  return {
    reference: inv.merchant_reference,
    customer: inv.customer_name,
    org: inv.customer_org,
    email: inv.customer_email,
    customerType: CUSTOMER_TYPE_WORDS[inv.product_type]?.[lang] ?? inv.product_type,
    net: money(m.net),
    vat: money(inv.vat_amount === null ? null : m.vat),
    gross: money(m.gross),
    status: STATUS_WORDS[reportStatus(inv)][lang],
    paid: money(m.paid),
    paidAt: localDateOf(inv.paid_at),
    outstanding: money(m.outstanding),
    invoiceDate: localDateOf(inv.invoice_date),
    dueDate: localDateOf(inv.kravia_due_date ?? inv.due_date),
    kid: inv.kid,
    kraviaNumber: inv.invoice_number,
    account: inv.account_iban ?? inv.account_bban,
    transaction: inv.transaction_id,
    link: inv.invoice_url,
    error: errorText(inv) || null,
  }
}

const WIDTHS: Record<InvoiceColumn, number> = {
  reference: 16,
  customer: 28,
  org: 11,
  email: 28,
  customerType: 12,
  net: 14,
  vat: 12,
  gross: 14,
  status: 18,
  paid: 13,
  paidAt: 11,
  outstanding: 13,
  invoiceDate: 11,
  dueDate: 11,
  kid: 17,
  kraviaNumber: 18,
  account: 22,
  transaction: 26,
  link: 40,
  error: 40,
}

const SUMMED = ['net', 'vat', 'gross', 'paid', 'outstanding'] as const

/**
 * The invoice sheet of the accountant's report, in `lang`: one row per invoice in sending order,
 * then (in a spreadsheet) a totals row over every amount column.
 */
export function invoiceSheet(db: Db, batchId: string, lang: ReportLang): Table {
  const totals: Record<(typeof SUMMED)[number], number> = {
    net: 0,
    vat: 0,
    gross: 0,
    paid: 0,
    outstanding: 0,
  }
  let count = 0
  return {
    headers: INVOICE_COLUMN_KEYS.map((k) => INVOICE_COLUMNS[k][lang]),
    rows: (function* () {
      for (const inv of batchReportSources(db, batchId)) {
        const cells = invoiceCells(inv, lang)
        count++
        for (const k of SUMMED) {
          const c = cells[k]
          if (c !== null && typeof c === 'object' && 'ore' in c) totals[k] += c.ore
        }
        yield INVOICE_COLUMN_KEYS.map((k) => cells[k])
      }
    })(),
    footer: () => [
      INVOICE_COLUMN_KEYS.map((k): Cell => {
        if (k === 'reference') return SUMMARY_WORDS.total[lang]
        if (k === 'customer') return lang === 'nb' ? `${count} fakturaer` : `${count} invoices`
        return (SUMMED as readonly string[]).includes(k)
          ? { ore: totals[k as (typeof SUMMED)[number]] }
          : null
      }),
    ],
    layout: {
      widths: INVOICE_COLUMN_KEYS.map((k) => WIDTHS[k]),
      freezeHeader: true,
      autofilter: true,
      dateFormat: dateFormatFor(lang),
    },
  }
}
