import { AppError } from '../../shared/errors'
import type { Db } from '../db/open'
import { rememberMapping } from '../mapping'
import { freezeBatch } from '../journal/freeze-validated'
import type { BatchSettings } from '../journal/types'
import { planResult } from './plan-compare'
import type { ImportScope, ImportSession, Validated } from './session'

/** Production is sent only after the user typed the account id (or SEND); case and spaces do not matter. */
export function checkConfirmation(scope: ImportScope, typed: string): void {
  if (scope.env !== 'production') return
  const word = (scope.account || 'SEND').toUpperCase()
  if (typed.trim().toUpperCase() !== word) {
    throw new AppError('confirmation_required', `Type ${word} to send real invoices from production.`, {
      message_nb: `Skriv ${word} for å sende ekte fakturaer fra produksjon.`,
    })
  }
}

/** Freezes the validated import into a batch (paused as new; the Run screen starts it). */
export function confirmPlan(
  db: Db,
  s: ImportSession,
  v: Validated,
  scope: ImportScope,
  settings: BatchSettings,
  baseUrl: string,
  now: Date,
): string {
  const table = s.loadedTable
  // The left-out invoices keep the values shown in the review grid (cell edits included).
  const rowAt = (line: number) => {
    const i = table?.lineIndex.get(line)
    return i === undefined ? undefined : table?.rows[i]
  }
  const batchId = freezeBatch(db, {
    // Without the invoices the user left out on the Plan.
    result: planResult(s, v),
    plan: v.session.plan,
    rowAt,
    source: { name: s.fileName, sha256: s.sha256 ?? table?.info.sha256 ?? '' },
    sheet: table?.info.sheet ?? null,
    sourceHeaders: table?.info.headers,
    mapping: v.mapping.mapping,
    constants: v.mapping.constants,
    settings,
    env: scope.env,
    account: scope.account,
    baseUrl,
    parentBatchId: s.followUpOf,
    now,
  })
  // Sent with this mapping: remember it for this source next time (never from a discarded import).
  if (table) rememberMapping(db, table.info.headers, v.mapping.mapping, v.mapping.constants)
  return batchId
}
