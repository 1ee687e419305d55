import { z } from 'zod'
import { returns } from '../ipc'
import { sessionId } from './fields'

// The Map step: which column (or fixed value) provides each invoice field, and why.

export type MatchSource =
  | 'exact'
  | 'synonym'
  | 'fuzzy'
  | 'values'
  | 'remembered'
  | 'user'
  | 'constant'
  | 'none'

export interface MappingFieldView {
  field: string
  label_en: string
  label_nb: string
  note_en: string
  note_nb: string
  column: string | null
  constant: string | null
  /** 0–1; 1 for exact, remembered or chosen by the user. */
  confidence: number
  source: MatchSource
  /** A few values of the matched column, so the user can see the match is right. */
  samples: string[]
  /** What blank or unmapped cells get from Settings (days until due, product type, channel), if anything. */
  defaultValue: string | null
  /** Every invoice needs it (fields with an alternative, like due date for days until due, are not marked). */
  required: boolean
  /** Required and nothing provides it: no column, fixed value or default, nor its alternative. */
  missing: boolean
  /**
   * Price fields with a column: whether the prices are read including or excluding VAT, and
   * whether the header says so (then it cannot be flipped).
   */
  basis?: { basis: 'incl' | 'excl'; stated: boolean }
  /**
   * A rule provides it when nothing else does: `org_number` (customer type: Bedrift with an
   * organisation number, Privat without), `customer_name` (first and last name from the
   * customer-name column on private invoices).
   */
  rule: 'org_number' | 'customer_name' | null
}

/** A choice on the Map screen that was not applied, and why (the field keeps what it had). */
export interface MappingRefusal {
  field: string
  column: string
  message: string
  message_nb: string
  /** `full_name`: the column can be used as the full name instead (split into first and last). */
  offer: 'full_name' | null
}

export interface MappingView {
  sessionId: string
  fields: MappingFieldView[]
  headers: string[]
  /** Columns not used by any field. */
  unused: string[]
  /** A remembered mapping for this source was applied. */
  remembered: boolean
  /** What changed since the remembered mapping was saved; null when nothing was remembered. */
  drift: { added: string[]; missing: string[]; renamed: { from: string; to: string }[] } | null
  /** Fields the matcher could not decide (e.g. `MVA`: rate or amount?), with its reason. */
  ambiguous: { field: string; column: string; message: string; message_nb: string }[]
  rowCount: number
  /** Set in the answer to a choice that was refused. */
  refusal?: MappingRefusal
}

export const mappingRequests = {
  /** Reads the whole table (in the worker, with import:progress) on first call, then matches columns. */
  'import:mapping': { input: z.object({ sessionId }).strict(), result: returns<MappingView>() },
  'import:setMapping': {
    input: z
      .object({
        sessionId,
        field: z.string().min(1).max(64),
        column: z.string().max(1000).nullable(),
        constant: z.string().max(1000).nullable(),
      })
      .strict(),
    result: returns<MappingView>(),
  },
  /** Reads a price column whose header does not say including or excluding VAT on the other basis. */
  'import:setPriceBasis': {
    input: z
      .object({ sessionId, field: z.string().min(1).max(64), basis: z.enum(['incl', 'excl']) })
      .strict(),
    result: returns<MappingView>(),
  },
} as const
