import type { SandboxState } from './http-util'
import type { TxRow } from './store'

/**
 * The sandbox's in-between states (`--pending-status-rate`): a pay answered 200 with the
 * transaction `ON_HOLD` — not an invoice yet, not a refusal — that turns `AUTHORIZED` about a
 * second later (or at shutdown, so no held transaction is left behind). While it is held it does
 * not count as "successfully authorized" for `strict-success-merchant-reference`, as Dintero
 * documents the toggle.
 */

export const HOLD_MS = 1000

type Json = Record<string, unknown>

/** The row to store while held, and what it becomes when released. */
export function holdRow(row: TxRow, nowIso: string): { held: TxRow; final: TxRow } {
  const tx = JSON.parse(row.json) as Json
  const held: Json = { ...tx, status: 'ON_HOLD', events: [] }
  const final: Json = { ...tx, updated_at: nowIso }
  return {
    held: { ...row, authorized: 0, status: 'ON_HOLD', invoice_started: 0, json: JSON.stringify(held) },
    final: { ...row, json: JSON.stringify(final) },
  }
}

export function scheduleRelease(state: SandboxState, final: TxRow): void {
  const timer = setTimeout(() => releaseHold(state, final.id), HOLD_MS)
  state.pendingHolds.set(final.id, { timer, final })
}

/** Moves a held transaction on to AUTHORIZED (also called on close). */
export function releaseHold(state: SandboxState, id: string): void {
  const pending = state.pendingHolds.get(id)
  if (!pending) return
  clearTimeout(pending.timer)
  state.pendingHolds.delete(id)
  const at = new Date(state.clock()).toISOString()
  const tx = JSON.parse(pending.final.json) as Json
  tx.updated_at = at
  state.store.atomic(() => state.store.update({ ...pending.final, json: JSON.stringify(tx) }))
}

/** `--list-lag-ms`: a new transaction shows in `GET /v1/transactions` only after the lag. */
export function hideFromLists(state: SandboxState, seq: number): void {
  if (state.faults.listLagMs > 0) state.listHiddenUntil.set(seq, state.clock() + state.faults.listLagMs)
}

export function listable(state: SandboxState, seq: number): boolean {
  const until = state.listHiddenUntil.get(seq)
  if (until === undefined) return true
  if (state.clock() < until) return false
  state.listHiddenUntil.delete(seq)
  return true
}
