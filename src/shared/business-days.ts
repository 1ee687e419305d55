/**
 * Norwegian business days: weekends and the public holidays (helligdager) — the fixed ones and
 * those counted from Easter Sunday. Dates are calendar dates as `YYYY-MM-DD` text (no time, no
 * time zone); the caller decides which day "today" is (Europe/Oslo).
 */

export interface Holiday {
  date: string
  name: string
  name_nb: string
}

const pad = (n: number) => String(n).padStart(2, '0')
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`

function parts(date: string): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number)
  return [y, m, d]
}

/** Days since 1970-01-01 of a calendar date (UTC arithmetic: no daylight-saving surprises). */
function dayNumber(date: string): number {
  const [y, m, d] = parts(date)
  return Math.round(Date.UTC(y, m - 1, d) / 86_400_000)
}

function fromDayNumber(n: number): string {
  const t = new Date(n * 86_400_000)
  return iso(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate())
}

export function addDays(date: string, days: number): string {
  return fromDayNumber(dayNumber(date) + days)
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from)
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  return (((dayNumber(date) + 4) % 7) + 7) % 7
}

/** Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19
  const b = Math.floor(year / 100)
  const c = year % 100
  const d = Math.floor(b / 4)
  const e = b % 4
  const f = Math.floor((b + 8) / 25)
  const g = Math.floor((b - f + 1) / 3)
  const h = (19 * a + b - d - g + 15) % 30
  const i = Math.floor(c / 4)
  const k = c % 4
  const l = (32 + 2 * e + 2 * i - h - k) % 7
  const m = Math.floor((a + 11 * h + 22 * l) / 451)
  const month = Math.floor((h + l - 7 * m + 114) / 31)
  const day = ((h + l - 7 * m + 114) % 31) + 1
  return iso(year, month, day)
}

const FIXED: [number, number, string, string][] = [
  [1, 1, "New Year's Day", 'Første nyttårsdag'],
  [5, 1, 'Labour Day', 'Arbeidernes dag'],
  [5, 17, 'Constitution Day', 'Grunnlovsdag'],
  [12, 25, 'Christmas Day', 'Første juledag'],
  [12, 26, 'Boxing Day', 'Andre juledag'],
]

const FROM_EASTER: [number, string, string][] = [
  [-3, 'Maundy Thursday', 'Skjærtorsdag'],
  [-2, 'Good Friday', 'Langfredag'],
  [0, 'Easter Sunday', 'Første påskedag'],
  [1, 'Easter Monday', 'Andre påskedag'],
  [39, 'Ascension Day', 'Kristi himmelfartsdag'],
  [49, 'Whit Sunday', 'Første pinsedag'],
  [50, 'Whit Monday', 'Andre pinsedag'],
]

const cache = new Map<number, Map<string, Holiday>>()

/** The Norwegian public holidays of a year, in date order. */
export function norwegianHolidays(year: number): Holiday[] {
  return [...holidayMap(year).values()].sort((x, y) => (x.date < y.date ? -1 : 1))
}

function holidayMap(year: number): Map<string, Holiday> {
  let map = cache.get(year)
  if (map) return map
  map = new Map()
  for (const [m, d, name, name_nb] of FIXED)
    map.set(iso(year, m, d), { date: iso(year, m, d), name, name_nb })
  const easter = easterSunday(year)
  for (const [offset, name, name_nb] of FROM_EASTER) {
    const date = addDays(easter, offset)
    map.set(date, { date, name, name_nb })
  }
  cache.set(year, map)
  return map
}

export function holidayOn(date: string): Holiday | undefined {
  return holidayMap(parts(date)[0]).get(date)
}

export function isBusinessDay(date: string): boolean {
  const w = weekday(date)
  return w !== 0 && w !== 6 && !holidayOn(date)
}

/** The date itself when it is a business day, else the next one. */
export function nextBusinessDay(date: string): string {
  let d = date
  while (!isBusinessDay(d)) d = addDays(d, 1)
  return d
}

const WEEKDAYS_NB = ['søndag', 'mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag']
const WEEKDAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** "lørdag 2.1." (nb) / "Saturday 2 Jan" (en): how a moved due date is named. */
export function dayLabel(date: string, lang: 'nb' | 'en'): string {
  const [, m, d] = parts(date)
  const w = weekday(date)
  return lang === 'nb' ? `${WEEKDAYS_NB[w]} ${d}.${m}.` : `${WEEKDAYS_EN[w]} ${d} ${MONTHS_EN[m - 1]}`
}
