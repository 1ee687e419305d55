import type { ColumnIndexes, Constants } from './field-sources'
import type { Defaults, Issue } from './types'

/** How a validation session reads a table: its mapping, fixed values, defaults and lookups. */
export interface ValidateOptions {
  /** Canonical field → 0-based column index (see mapping/resolveColumns). */
  columns: ColumnIndexes
  constants?: Constants
  defaults?: Defaults
  /** session.url.callback_url, only when configured. */
  callbackUrl?: string
  /** The instant due dates are counted from (Europe/Oslo calendar days). */
  now?: Date
  /** TableInfo.decimalCommaHint: decides `1,500` when a column's other values do not. */
  decimalCommaHint?: boolean
  /** References already invoiced successfully in this environment/account (runs/invoiced.ts). */
  invoicedLookup?: (refs: readonly string[]) => Set<string>
  /** Shown in the already-invoiced message, e.g. "sandbox, account T12345678". */
  invoicedScope?: string
  /**
   * Issues found before validation (the reader's, mapping problems). Like finish(readIssues): an
   * error on one row makes that row's invoice invalid; the others concern the file.
   */
  preIssues?: Issue[]
  /** Due dates on a weekend or Norwegian public holiday move to the next business day (warning `due_moved`). */
  businessDayDue?: boolean
  /**
   * Default true. False (one-shot validation, the CLI): an invoice's rows are let go as soon as it
   * is checked, so they die young instead of being copied into the old generation by the garbage
   * collector. editCell is then unavailable, and a reference met again after its rows were let go
   * lists their lines in lostLines(), for the caller to read again and hand back (restoreRows).
   */
  keepRows?: boolean
}
