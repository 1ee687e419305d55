let osloParts: Intl.DateTimeFormat | undefined

/** An instant as the calendar date and time of day in Norway (`YYYY-MM-DD`, `HH:MM`). */
export function osloDateTime(instant: Date): { date: string; time: string } {
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

/** Today's calendar date in Norway (`YYYY-MM-DD`) at the instant `now`. */
export function osloToday(now: Date): string {
  return osloDateTime(now).date
}

/** Days from today (Europe/Oslo, at `now`) to the due date; negative when it has passed. */
export function daysUntilDue(dueDate: string, now: Date): number {
  const [y, m, d] = dueDate.split('-').map(Number)
  const [ty, tm, td] = osloToday(now).split('-').map(Number)
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(ty, tm - 1, td)) / 86_400_000)
}
