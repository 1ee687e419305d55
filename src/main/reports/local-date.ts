import { osloDateTime } from '../values/oslo-date'
import type { LocalDate } from './table'

/**
 * A date from the journal as a date cell: `YYYY-MM-DD` (Kravia's invoice and due dates) as it is,
 * an ISO instant (a capture's time) as its day in Norway. Anything else is kept as text.
 */
export function localDateOf(value: string | null | undefined): LocalDate | string | null {
  if (!value) return null
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return { date: value }
  const instant = new Date(value)
  if (/^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(instant.getTime())) {
    return { date: osloDateTime(instant).date }
  }
  return value
}
