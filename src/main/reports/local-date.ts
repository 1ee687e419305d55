import type { LocalDate } from './table'

let osloParts: Intl.DateTimeFormat | undefined

/** An instant as the calendar date and time of day in Norway. */
export function osloDateTime(instant: Date): LocalDate {
  osloParts ??= new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Oslo',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
  const p = Object.fromEntries(osloParts.formatToParts(instant).map((x) => [x.type, x.value]))
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` }
}

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
