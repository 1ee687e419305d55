import type { ProductType } from '../../shared/kravia'
import type { InvoiceState } from '../../shared/states'

/** The language of a report an accountant reads: headers, statuses and customer types in words. */
export type ReportLang = 'nb' | 'en'

type Words = { nb: string; en: string }

/** The invoice sheet's columns, in order. */
export const INVOICE_COLUMNS = {
  reference: { nb: 'Fakturanr.', en: 'Invoice no.' },
  customer: { nb: 'Kunde', en: 'Customer' },
  org: { nb: 'Org.nr.', en: 'Org. no.' },
  email: { nb: 'E-post', en: 'Email' },
  customerType: { nb: 'Kundetype', en: 'Customer type' },
  net: { nb: 'Beløp eks. mva', en: 'Amount excl. VAT' },
  vat: { nb: 'Mva', en: 'VAT' },
  gross: { nb: 'Beløp inkl. mva', en: 'Amount incl. VAT' },
  status: { nb: 'Status', en: 'Status' },
  paid: { nb: 'Betalt beløp', en: 'Amount paid' },
  paidAt: { nb: 'Betalt dato', en: 'Date paid' },
  outstanding: { nb: 'Utestående', en: 'Outstanding' },
  invoiceDate: { nb: 'Fakturadato', en: 'Invoice date' },
  dueDate: { nb: 'Forfallsdato', en: 'Due date' },
  kid: { nb: 'KID', en: 'KID' },
  kraviaNumber: { nb: 'Kravia-fakturanr.', en: 'Kravia invoice no.' },
  account: { nb: 'Konto (IBAN)', en: 'Account (IBAN)' },
  transaction: { nb: 'Transaksjon', en: 'Transaction' },
  link: { nb: 'Lenke', en: 'Link' },
  error: { nb: 'Feil', en: 'Error' },
} as const satisfies Record<string, Words>

export type InvoiceColumn = keyof typeof INVOICE_COLUMNS
export const INVOICE_COLUMN_KEYS = Object.keys(INVOICE_COLUMNS) as InvoiceColumn[]

/** An invoice's status in words; a part-paid invoice whose rest was voided has its own. */
export type ReportStatus = InvoiceState | 'rest_cancelled'

/** The same words as the app's run grid, so the report and the screen agree. */
export const STATUS_WORDS: Record<ReportStatus, Words> = {
  pending: { nb: 'Venter', en: 'Waiting' },
  sending: { nb: 'Sendes', en: 'Sending' },
  unknown: { nb: 'Ukjent', en: 'Unknown' },
  authorized: { nb: 'Fakturert', en: 'Invoiced' },
  awaiting_capture: { nb: 'Venter på innkreving', en: 'Awaiting collection' },
  failed: { nb: 'Feilet', en: 'Failed' },
  cancelled: { nb: 'Ikke sendt', en: 'Not sent' },
  void_pending: { nb: 'Kanselleres', en: 'Voiding' },
  voided: { nb: 'Kansellert', en: 'Voided' },
  part_paid: { nb: 'Delvis betalt', en: 'Part-paid' },
  paid: { nb: 'Betalt', en: 'Paid' },
  rest_cancelled: { nb: 'Delvis betalt, rest kansellert', en: 'Part-paid, rest voided' },
}

/** The order statuses are listed in on the summary sheet: money first, problems last. */
export const STATUS_ORDER: readonly ReportStatus[] = [
  'paid',
  'part_paid',
  'rest_cancelled',
  'authorized',
  'awaiting_capture',
  'void_pending',
  'voided',
  'failed',
  'unknown',
  'pending',
  'sending',
  'cancelled',
]

export const CUSTOMER_TYPE_WORDS: Record<ProductType, Words> = {
  'kravia.invoice_b2b': { nb: 'Bedrift', en: 'Business' },
  'kravia.invoice_b2c': { nb: 'Privat', en: 'Private' },
  'kravia.invoice_b2b_grouped': { nb: 'Bedrift (samlefaktura)', en: 'Business (grouped)' },
}

export const ENVIRONMENT_WORDS: Record<string, Words> = {
  sandbox: { nb: 'Sandkasse', en: 'Sandbox' },
  test: { nb: 'Test', en: 'Test' },
  production: { nb: 'Produksjon', en: 'Production' },
}

export const SUMMARY_WORDS = {
  sheet: { nb: 'Sammendrag', en: 'Summary' },
  invoiceSheet: { nb: 'Fakturaer', en: 'Invoices' },
  total: { nb: 'Sum', en: 'Total' },
  batch: { nb: 'Kjøring', en: 'Batch' },
  file: { nb: 'Fil', en: 'File' },
  environment: { nb: 'Miljø', en: 'Environment' },
  account: { nb: 'Konto', en: 'Account' },
  sentAt: { nb: 'Sendt', en: 'Sent' },
  exportedAt: { nb: 'Eksportert', en: 'Exported' },
  byStatus: { nb: 'Per status', en: 'By status' },
  count: { nb: 'Antall', en: 'Count' },
  lines: { nb: 'Linjer', en: 'Lines' },
  byVat: { nb: 'Per mva-sats (opprettede fakturaer)', en: 'By VAT rate (invoices created)' },
  byType: { nb: 'Per kundetype (opprettede fakturaer)', en: 'By customer type (invoices created)' },
  payments: { nb: 'Betalt og utestående', en: 'Paid and outstanding' },
  amount: { nb: 'Beløp', en: 'Amount' },
  created: { nb: 'Opprettede fakturaer', en: 'Invoices created' },
  paid: { nb: 'Betalt', en: 'Paid' },
  outstanding: { nb: 'Utestående', en: 'Outstanding' },
  cancelledUnpaid: { nb: 'Kansellert (ikke betalt)', en: 'Voided (unpaid part)' },
} as const satisfies Record<string, Words>

export function vatRateWords(rate: number, lang: ReportLang): string {
  return `${lang === 'nb' ? String(rate).replace('.', ',') : String(rate)} %`
}

/** Norwegian dates as `01.12.2026` (dots escaped: unescaped, `mm.` may read as minutes), English ISO. */
export const dateFormatFor = (lang: ReportLang) => (lang === 'nb' ? 'dd\\.mm\\.yyyy' : 'yyyy-mm-dd')
