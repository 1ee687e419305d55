import { useRef } from 'react'
import type { RunRow } from '../../../../shared/contract'
import { textWidth } from '../../components/text-width'
import type { MessageKey } from '../../i18n/catalog'
import { useI18n } from '../../i18n/I18nProvider'
import { stateLabel } from './labels'
import type { RowStore } from './row-store'

/** Room a cell's padding (0.5rem each side) and a little air take beside the text. */
const CELL_PADDING = 24
/** A state chip's own padding (0.5rem each side). */
const CHIP_PADDING = 16
/** Beyond this a name or reference ends in "…" (its tooltip has the whole text). */
const CAP = { ref: 260, customer: 280, amount: 200, state: 240, invoice: 260 }

type Col = keyof typeof CAP

const HEADERS: Record<Col, MessageKey> = {
  ref: 'run.colRef',
  customer: 'run.colCustomer',
  amount: 'run.colAmount',
  state: 'run.colState',
  invoice: 'run.colInvoice',
}

/**
 * The run grid's columns as wide as what they hold: the header and the widest value among the rows
 * loaded so far. Widths only grow, so the grid does not jump while pages arrive, and each row is
 * measured once (a changed row arrives as a new object and is measured again).
 */
export function useContentWidths(store: RowStore): Record<Col, number> {
  const { t, money } = useI18n()
  const state = useRef<{
    widths: Record<Col, number> | null
    seen: WeakSet<RunRow>
    lang: unknown
    version: number
    out: Record<Col, number> | null
  }>({ widths: null, seen: new WeakSet(), lang: null, version: -1, out: null })
  const s = state.current
  // Only new or changed rows can widen a column: nothing to do until the store changes.
  if (s.lang === t && s.version === store.version && s.out) return s.out
  s.version = store.version
  // A language switch changes headers, labels and money: start over.
  if (s.lang !== t) {
    s.lang = t
    s.seen = new WeakSet()
    s.widths = Object.fromEntries(
      (Object.keys(HEADERS) as Col[]).map((c) => [c, textWidth(t(HEADERS[c]), 'bold')]),
    ) as Record<Col, number>
  }
  const w = s.widths as Record<Col, number>
  let grew = false
  // Measuring every value would cost a canvas call per cell; the longest few of each column (by
  // characters) hold the widest one in any ordinary font.
  const longest: Record<Col, string[]> = { ref: [], customer: [], amount: [], state: [], invoice: [] }
  const keep = (c: Col, text: string) => {
    const list = longest[c]
    if (list.length < 3) list.push(text)
    else {
      const shortest = list.reduce((m, x, i) => (x.length < list[m].length ? i : m), 0)
      if (text.length > list[shortest].length) list[shortest] = text
    }
  }
  let maxAmount = 0
  const states = new Set<RunRow['state']>()
  for (const r of store.loadedRows()) {
    if (s.seen.has(r)) continue
    s.seen.add(r)
    keep('ref', r.reference)
    keep('customer', r.customer)
    if (r.invoiceNumber) keep('invoice', r.invoiceNumber)
    if (Math.abs(r.amount) > Math.abs(maxAmount)) maxAmount = r.amount
    states.add(r.state)
  }
  if (maxAmount !== 0) keep('amount', money(maxAmount))
  for (const st of states) keep('state', t(stateLabel(st)))
  for (const c of Object.keys(longest) as Col[]) {
    for (const text of longest[c]) {
      const need = textWidth(text) + (c === 'state' ? CHIP_PADDING : 0)
      if (need > w[c]) {
        w[c] = need
        grew = true
      }
    }
  }
  if (!grew && s.out) return s.out
  // Whole steps of 8 px: a value a pixel wider does not re-lay the whole grid.
  s.out = Object.fromEntries(
    (Object.keys(CAP) as Col[]).map((c) => [c, Math.min(CAP[c], Math.ceil((w[c] + CELL_PADDING) / 8) * 8)]),
  ) as Record<Col, number>
  return s.out
}
