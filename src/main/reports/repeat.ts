import type { CanonicalField } from '../../shared/canonical'
import { AppError } from '../../shared/errors'
import type { PayRequest } from '../../shared/kravia'
import type { InvoiceState } from '../../shared/states'
import type { Db } from '../db/open'
import { osloToday } from '../values/oslo-date'
import { TEMPLATE_FIELDS } from '../invoice/template'
import { findInvoicedBatches } from '../journal/invoiced'
import { getBatch } from '../journal/reads'
import type { Batch } from '../journal/types'
import { compileReferencePattern } from './reference-pattern'
import { requestLines } from './request-lines'
import type { Cell, Table } from './table'

/**
 * "Repeat last month": a finished batch's customers and lines again, under new references, as an
 * import-template table that can be edited, validated and sent as a new run.
 */
export interface RepeatOptions {
  /** How the new references are made, e.g. `{ref}-{yyyy}{mm}` (see reference-pattern.ts). */
  pattern: string
  /** Also repeat invoices that were voided (or are being voided). */
  includeVoided?: boolean
  /** Also repeat invoices that failed, ended unknown, or were never sent. */
  includeFailed?: boolean
  /** The counter's first value for `{n}`; default 1. */
  start?: number
  /** The new run's date for `{yyyy}` `{mm}` `{dd}`; default today in Norway. */
  date?: string
  now?: Date
}

export interface RepeatResult {
  batch: Batch
  /** Template columns, one row per invoice line. */
  table: Table
  invoices: number
  lines: number
  /** Øre. */
  amount: number
  /** Invoices not repeated, by why. */
  left: { voided: number; failed: number }
  /** Voided and failed invoices in the batch, whether taken along or not. */
  available: { voided: number; failed: number }
  /** Old → new reference, in sending order. */
  references: { from: string; to: string }[]
}

const KEPT: readonly InvoiceState[] = ['authorized', 'awaiting_capture', 'part_paid', 'paid']
const VOIDED: readonly InvoiceState[] = ['voided', 'void_pending']
const FAILED: readonly InvoiceState[] = ['failed', 'unknown', 'cancelled', 'pending', 'sending']

interface SourceRow {
  merchant_reference: string
  state: InvoiceState
  request_json: string
  superseded_by_batch: string | null
}

function requireRepeatable(db: Db, batchId: string): Batch {
  const batch = getBatch(db, batchId)
  if (!batch) {
    throw new AppError('no_batch', `There is no batch ${batchId}.`, {
      message_nb: `Det finnes ingen kjøring ${batchId}.`,
    })
  }
  if (batch.state === 'running' || batch.state === 'paused') {
    throw new AppError(
      'batch_not_finished',
      `Batch ${batchId} is still ${batch.state}: finish or cancel it before starting a new run based on it.`,
      {
        message_nb: `Kjøring ${batchId} er ikke ferdig: fullfør eller avbryt den før du lager en ny kjøring basert på den.`,
      },
    )
  }
  return batch
}

export function repeatBatch(db: Db, batchId: string, options: RepeatOptions): RepeatResult {
  const makeRef = compileReferencePattern(options.pattern)
  const batch = requireRepeatable(db, batchId)
  const date = options.date ?? osloToday(options.now ?? new Date())
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
    throw new AppError('invalid_input', `The date must be YYYY-MM-DD, got "${date}".`, {
      message_nb: `Datoen må være ÅÅÅÅ-MM-DD, fikk «${date}».`,
    })
  }
  const states = new Set<InvoiceState>([
    ...KEPT,
    ...(options.includeVoided ? VOIDED : []),
    ...(options.includeFailed ? FAILED : []),
  ])
  const rows = db
    .prepare(
      'SELECT merchant_reference, state, request_json, superseded_by_batch FROM invoices WHERE batch_id = ? ORDER BY seq',
    )
    .all(batch.id) as SourceRow[]

  const left = { voided: 0, failed: 0 }
  const available = { voided: 0, failed: 0 }
  const out: Cell[][] = []
  const references: RepeatResult['references'] = []
  const seen = new Map<string, string>()
  let n = options.start ?? 1
  let amount = 0
  for (const r of rows) {
    if (VOIDED.includes(r.state)) available.voided++
    else if (FAILED.includes(r.state)) available.failed++
    // A failed invoice another batch already sent again is not repeated a second time.
    if (!states.has(r.state) || (r.superseded_by_batch && FAILED.includes(r.state))) {
      if (VOIDED.includes(r.state)) left.voided++
      else if (!KEPT.includes(r.state)) left.failed++
      continue
    }
    const to = makeRef({ ref: r.merchant_reference, n, date })
    n++
    const clash = seen.get(to)
    if (clash !== undefined) {
      throw new AppError(
        'duplicate_reference',
        `The pattern gives ${clash} and ${r.merchant_reference} the same new reference ${to}: include {ref} or {n}.`,
        {
          message_nb: `Mønsteret gir ${clash} og ${r.merchant_reference} samme nye referanse ${to}: ta med {ref} eller {n}.`,
        },
      )
    }
    seen.set(to, r.merchant_reference)
    references.push({ from: r.merchant_reference, to })
    const request = JSON.parse(r.request_json) as PayRequest
    amount += request.session.order.amount
    for (const line of requestLines(request)) {
      const withRef: Partial<Record<CanonicalField, Cell>> = { ...line, merchant_reference: to }
      out.push(TEMPLATE_FIELDS.map((f) => withRef[f] ?? null))
    }
  }
  if (references.length === 0) {
    throw new AppError(
      'nothing_to_repeat',
      `Batch ${batch.id} has no invoices to repeat with these choices.`,
      {
        message_nb: `Kjøring ${batch.id} har ingen fakturaer å gjenta med disse valgene.`,
      },
    )
  }
  // New means new: a reference this environment and account already invoiced would be left out
  // by the plan, so the pattern is refused here, before anything is written.
  const invoiced = findInvoicedBatches(
    db,
    batch.env,
    batch.account,
    references.map((r) => r.to),
  )
  if (invoiced.size > 0) {
    const [ref, inBatch] = [...invoiced][0]
    const more = invoiced.size > 1 ? ` (and ${invoiced.size - 1} more)` : ''
    const moreNb = invoiced.size > 1 ? ` (og ${invoiced.size - 1} til)` : ''
    throw new AppError(
      'already_invoiced',
      `The pattern gives references that were already invoiced: ${ref} in batch ${inBatch}${more}. Choose another pattern.`,
      {
        message_nb: `Mønsteret gir referanser som allerede er fakturert: ${ref} i kjøring ${inBatch}${moreNb}. Velg et annet mønster.`,
      },
    )
  }
  return {
    batch,
    table: { headers: TEMPLATE_FIELDS, rows: out },
    invoices: references.length,
    lines: out.length,
    amount,
    left,
    available,
    references,
  }
}
