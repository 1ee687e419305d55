import { describe, expect, it } from 'vitest'
import { dueOnSend } from '../../../src/main/invoice/due'
import {
  dayLabel,
  easterSunday,
  isBusinessDay,
  nextBusinessDay,
  norwegianHolidays,
} from '../../../src/shared/business-days'
import { ALL_HEADERS, B2C_ROW, NOW, run } from './helpers'

/** Written out by hand from the Norwegian calendar (not computed): every public holiday 2026–2030. */
const HOLIDAYS: Record<number, string[]> = {
  2026: [
    '2026-01-01',
    '2026-04-02',
    '2026-04-03',
    '2026-04-05',
    '2026-04-06',
    '2026-05-01',
    '2026-05-14',
    '2026-05-17',
    '2026-05-24',
    '2026-05-25',
    '2026-12-25',
    '2026-12-26',
  ],
  // 2. pinsedag falls on 17 May this year: one day, two holidays.
  2027: [
    '2027-01-01',
    '2027-03-25',
    '2027-03-26',
    '2027-03-28',
    '2027-03-29',
    '2027-05-01',
    '2027-05-06',
    '2027-05-16',
    '2027-05-17',
    '2027-12-25',
    '2027-12-26',
  ],
  2028: [
    '2028-01-01',
    '2028-04-13',
    '2028-04-14',
    '2028-04-16',
    '2028-04-17',
    '2028-05-01',
    '2028-05-17',
    '2028-05-25',
    '2028-06-04',
    '2028-06-05',
    '2028-12-25',
    '2028-12-26',
  ],
  2029: [
    '2029-01-01',
    '2029-03-29',
    '2029-03-30',
    '2029-04-01',
    '2029-04-02',
    '2029-05-01',
    '2029-05-10',
    '2029-05-17',
    '2029-05-20',
    '2029-05-21',
    '2029-12-25',
    '2029-12-26',
  ],
  2030: [
    '2030-01-01',
    '2030-04-18',
    '2030-04-19',
    '2030-04-21',
    '2030-04-22',
    '2030-05-01',
    '2030-05-17',
    '2030-05-30',
    '2030-06-09',
    '2030-06-10',
    '2030-12-25',
    '2030-12-26',
  ],
}

describe('Norwegian public holidays', () => {
  for (const [year, dates] of Object.entries(HOLIDAYS)) {
    it(`matches the hand-written list for ${year}`, () => {
      expect(norwegianHolidays(Number(year)).map((h) => h.date)).toEqual(dates)
    })
  }

  it('computes Easter for years far from today', () => {
    expect(easterSunday(1818)).toBe('1818-03-22') // the earliest possible
    expect(easterSunday(1943)).toBe('1943-04-25') // the latest possible
    expect(easterSunday(2100)).toBe('2100-03-28')
  })

  it('names every holiday in both languages', () => {
    const names = norwegianHolidays(2026).map((h) => h.name_nb)
    expect(names).toContain('Skjærtorsdag')
    expect(names).toContain('Kristi himmelfartsdag')
    expect(norwegianHolidays(2026).every((h) => h.name !== '' && h.name_nb !== '')).toBe(true)
  })
})

describe('business days', () => {
  it('skips weekends and holidays', () => {
    expect(isBusinessDay('2026-12-03')).toBe(true) // a Thursday
    expect(isBusinessDay('2026-12-05')).toBe(false) // Saturday
    expect(isBusinessDay('2026-05-17')).toBe(false) // Sunday and Grunnlovsdag
    expect(isBusinessDay('2028-05-17')).toBe(false) // a Wednesday, Grunnlovsdag
    expect(nextBusinessDay('2027-01-02')).toBe('2027-01-04')
    // Skjærtorsdag → langfredag → the weekend → 2. påskedag → Tuesday.
    expect(nextBusinessDay('2026-04-02')).toBe('2026-04-07')
    // 1. juledag on a Friday → Monday 28th.
    expect(nextBusinessDay('2026-12-25')).toBe('2026-12-28')
    // Across the year: 1 January 2028 is a Saturday.
    expect(nextBusinessDay('2027-12-31')).toBe('2027-12-31')
    expect(nextBusinessDay('2028-01-01')).toBe('2028-01-03')
  })

  it('names the days as the moved-date message shows them', () => {
    expect(dayLabel('2027-01-02', 'nb')).toBe('lørdag 2.1.')
    expect(dayLabel('2027-01-04', 'nb')).toBe('mandag 4.1.')
    expect(dayLabel('2027-01-02', 'en')).toBe('Saturday 2 Jan')
  })
})

describe('the due date on the day an invoice is sent', () => {
  it('counts given days from the sending day and moves a Saturday to Monday', () => {
    // Sent Thursday 17 Dec 2026 with 16 days: Saturday 2 Jan → Monday 4 Jan = 18 days.
    expect(dueOnSend({ days: 16 }, '2026-12-17', true)).toEqual({
      days: 18,
      due: '2027-01-04',
      movedFrom: '2027-01-02',
    })
    // Sent a day later, the same 16 days land on Sunday 3 Jan → Monday 4 Jan = 17 days.
    expect(dueOnSend({ days: 16 }, '2026-12-18', true).days).toBe(17)
  })

  it('moves a given due date and leaves a business day alone', () => {
    expect(dueOnSend({ days: 22, dueDate: '2026-12-25' }, '2026-12-03', true)).toEqual({
      days: 25,
      due: '2026-12-28',
      movedFrom: '2026-12-25',
    })
    expect(dueOnSend({ days: 14 }, '2026-12-03', true)).toEqual({
      days: 14,
      due: '2026-12-17',
      movedFrom: null,
    })
  })

  it('sends exactly what was given when business days are off', () => {
    expect(dueOnSend({ days: 16 }, '2026-12-17', false)).toEqual({
      days: 16,
      due: '2027-01-02',
      movedFrom: null,
    })
    expect(dueOnSend({ days: 0, dueDate: '2026-12-25' }, '2026-12-03', false).days).toBe(22)
    // A due date that passed while the batch waited goes as due now.
    expect(dueOnSend({ days: 0, dueDate: '2026-12-01' }, '2026-12-03', false).days).toBe(0)
  })
})

describe('validation with business-day due dates', () => {
  const row = (over: Record<string, string>) => ({ ...B2C_ROW, merchant_reference: 'A-1', ...over })

  it('warns about a moved due date, in both languages, and keeps the request as given', () => {
    // NOW is Wednesday 25 Nov 2026; 17 days → Saturday 12 Dec → Monday 14 Dec.
    const r = run(ALL_HEADERS, [row({ days_until_due: '17' })], { businessDayDue: true })
    expect(r.errors).toEqual([])
    const w = r.warnings.find((x) => x.code === 'due_moved')
    expect(w).toMatchObject({ rows: [2], field: 'days_until_due', merchant_reference: 'A-1' })
    expect(w?.message_nb).toBe(
      'Rad 2: forfall flyttet fra lørdag 12.12. til mandag 14.12. (ikke en virkedag i Norge).',
    )
    expect(w?.message).toMatch(/Saturday 12 Dec to Monday 14 Dec/)
    expect(r.invoices[0].due_move).toEqual({ from: '2026-12-12', to: '2026-12-14', days: 19 })
    expect(r.invoices[0].request.payment.days_until_due).toBe(17)
  })

  it('moves a due date given in the file, and says nothing when the option is off', () => {
    const rows = [row({ days_until_due: '', due_date: '25.12.2026' })]
    const on = run(ALL_HEADERS, rows, { businessDayDue: true, now: NOW })
    expect(on.invoices[0].due_move).toEqual({ from: '2026-12-25', to: '2026-12-28', days: 33 })
    expect(on.warnings.find((x) => x.code === 'due_moved')?.field).toBe('due_date')
    const off = run(ALL_HEADERS, rows)
    expect(off.invoices[0].due_move).toBeUndefined()
    expect(off.warnings.map((x) => x.code)).not.toContain('due_moved')
  })
})
