import { addDays, daysBetween, nextBusinessDay } from '../../shared/business-days'

/** What an invoice's due date becomes on the day it is sent. */
export interface DueOnSend {
  /** days_until_due to send. */
  days: number
  /** The due date the customer gets (`YYYY-MM-DD`). */
  due: string
  /** The due date before it was moved to a business day; null when it was not moved. */
  movedFrom: string | null
}

/**
 * The days_until_due to send on `today` (the Europe/Oslo date it is sent): from the due date the
 * file gave, or the days it gave counted from today. With `businessDay`, a due date on a Saturday,
 * Sunday or Norwegian public holiday moves to the next business day (more days, never fewer).
 * Days are kept within 0–365, what Kravia accepts: a due date that passed while a batch waited is
 * sent as "due now".
 */
export function dueOnSend(
  given: { days: number; dueDate?: string | null },
  today: string,
  businessDay: boolean,
): DueOnSend {
  const base = given.dueDate ?? addDays(today, given.days)
  const due = businessDay ? nextBusinessDay(base) : base
  const days = Math.min(365, Math.max(0, daysBetween(today, due)))
  return { days, due, movedFrom: due === base ? null : base }
}
