import { z } from 'zod'
import type { Comparison } from '../comparison'
import { returns } from '../ipc'
import type { EnvironmentKind } from './app'
import { sessionId } from './fields'
import type { ImportIssueView } from './import'
import type { PriceBasisView, VatLine } from './review'

// The Plan step: what will be sent, to which account, and the confirmation that freezes it into
// a batch.

export interface PlanView {
  sessionId: string
  fileName: string
  environment: EnvironmentKind
  account: string
  invoices: number
  lines: number
  totalAmount: number
  vatAmount: number
  byVat: VatLine[]
  byProductType: { type: string; invoices: number; amount: number }[]
  priceBasis: PriceBasisView
  duplicates: { reference: string; batchId: string }[]
  leftOut: { reference: string; rows: number[]; message: string; message_nb: string }[]
  rate: number
  concurrency: number
  /** Estimated seconds at the configured rate. */
  etaSeconds: number
  /** Production only: what the user must type to confirm. */
  confirmWord: string | null
  followUpOf: string | null
  /** The batch compared with itself and the previous run (warnings only); see docs/comparison.md. */
  comparison: Comparison
  /** The comparison's findings as sentences in both languages. */
  comparisonWarnings: ImportIssueView[]
  /** Invoices whose due date moves to the next business day (as if sent today). */
  dueMoved: ImportIssueView[]
  /** Invoices the user left out on this screen: not sent; they can be taken back in. */
  leftOutByUser: { reference: string; rows: number[] }[]
  /** File-level notices worth reading before sending (e.g. customer types decided by the org number). */
  notices: ImportIssueView[]
}

export const planRequests = {
  'plan:get': { input: z.object({ sessionId }).strict(), result: returns<PlanView>() },
  /** Leaves one invoice out of the batch (a possible duplicate), or takes it back in. */
  'plan:leaveOut': {
    input: z.object({ sessionId, reference: z.string().min(1).max(1000), leave: z.boolean() }).strict(),
    result: returns<PlanView>(),
  },
  /** Freezes the plan into a batch (paused, not started); the Run screen starts it. */
  'plan:confirm': {
    input: z
      .object({
        sessionId,
        confirmation: z.string().max(100).default(''),
        canary: z.number().int().min(1).max(1000).nullable().default(null),
      })
      .strict(),
    result: returns<{ batchId: string }>(),
  },
} as const
