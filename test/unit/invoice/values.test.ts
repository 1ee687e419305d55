import { describe, expect, it } from 'vitest'
import { decToString } from '../../../src/shared/money'
import {
  cellNumber,
  cellVat,
  isAllowedNokRate,
  isEmail,
  parseCountry,
  parseDays,
  parseDueDate,
  parseOrgNumber,
  parsePhone,
  parsePostalCode,
  parseProductType,
} from '../../../src/main/values/parse'
import { daysUntilDue, osloToday } from '../../../src/main/values/oslo-date'

describe('product types', () => {
  it.each([
    ['b2b', 'kravia.invoice_b2b'],
    ['B2B', 'kravia.invoice_b2b'],
    ['kravia.invoice_b2b', 'kravia.invoice_b2b'],
    ['KRAVIA.INVOICE_B2C', 'kravia.invoice_b2c'],
    ['b2b_grouped', 'kravia.invoice_b2b_grouped'],
    ['B2B grouped', 'kravia.invoice_b2b_grouped'],
    ['kravia.invoice_b2b_grouped', 'kravia.invoice_b2b_grouped'],
    ['Bedrift', 'kravia.invoice_b2b'],
    ['firma', 'kravia.invoice_b2b'],
    ['Privat', 'kravia.invoice_b2c'],
    ['PERSON', 'kravia.invoice_b2c'],
  ])('%s → %s', (raw, want) => expect(parseProductType(raw)).toBe(want))
  it('does not guess', () => {
    expect(parseProductType('')).toBeUndefined()
    expect(parseProductType('kunde')).toBeUndefined()
  })
})

describe('VAT', () => {
  const vat = (c: Parameters<typeof cellVat>[0]) => {
    const p = cellVat(c)
    return p.kind === 'ok' ? decToString(p.value) : p.kind
  }
  it('reads 25, 25 %, 25%, 11,11 and a 0.25 percent cell', () => {
    expect(vat('25')).toBe('25')
    expect(vat('25 %')).toBe('25')
    expect(vat('25%')).toBe('25')
    expect(vat('11,11')).toBe('11.11')
    expect(vat({ n: 0.25, pct: true })).toBe('25')
    expect(vat({ n: 0.1111, pct: true })).toBe('11.11')
    expect(vat({ n: 1, pct: true })).toBe('100')
    expect(vat({ n: 15 })).toBe('15')
  })
  it('knows the Norwegian rates', () => {
    for (const r of ['0', '11,11', '12', '15', '25', '25,00']) {
      const p = cellVat(r)
      expect(p.kind === 'ok' && isAllowedNokRate(p.value)).toBe(true)
    }
    for (const r of ['24', '11,1', '11,111', '0,25', '8']) {
      const p = cellVat(r)
      expect(p.kind === 'ok' && isAllowedNokRate(p.value)).toBe(false)
    }
  })
})

describe('numbers from cells', () => {
  it('cleans float noise of formula results but keeps typed values', () => {
    const n = (x: number) => {
      const p = cellNumber({ n: x })
      return p.kind === 'ok' ? decToString(p.value) : p.kind
    }
    expect(n(0.1 + 0.2)).toBe('0.3')
    expect(n(0.125)).toBe('0.125')
    expect(n(1299.5)).toBe('1299.5')
  })
})

describe('days and due dates', () => {
  it('reads whole days 0–365', () => {
    expect(parseDays('14')).toBe(14)
    expect(parseDays({ n: 30 })).toBe(30)
    expect(parseDays('0')).toBe(0)
    expect(parseDays('365')).toBe(365)
    expect(parseDays('366')).toBeUndefined()
    expect(parseDays('-1')).toBeUndefined()
    expect(parseDays('14,5')).toBeUndefined()
    expect(parseDays('fjorten')).toBeUndefined()
    expect(parseDays('014')).toBe(14)
    expect(parseDays(' 14 ')).toBe(14)
    expect(parseDays('14,0')).toBe(14)
    expect(parseDays({ n: 366 })).toBeUndefined()
    expect(parseDays({ n: 14.5 })).toBeUndefined()
    expect(Object.is(parseDays({ n: -0 }), 0)).toBe(true)
  })
  it('reads due dates written every usual way', () => {
    expect(parseDueDate('31.12.2026')).toBe('2026-12-31')
    expect(parseDueDate('1.2.2027')).toBe('2027-02-01')
    expect(parseDueDate('01/02/2027')).toBe('2027-02-01')
    expect(parseDueDate('2027-02-01')).toBe('2027-02-01')
    expect(parseDueDate('01.02.27')).toBe('2027-02-01')
    expect(parseDueDate({ date: '2027-02-01' })).toBe('2027-02-01')
    expect(parseDueDate({ n: 46419 })).toBe('2027-02-01') // Excel serial; 45658 = 2025-01-01
    expect(parseDueDate('31.02.2027')).toBeUndefined()
    expect(parseDueDate('neste uke')).toBeUndefined()
  })
  it('counts days in Europe/Oslo', () => {
    // 23:30 UTC on 31 Dec is already 1 Jan in Oslo
    const now = new Date('2026-12-31T23:30:00Z')
    expect(osloToday(now)).toBe('2027-01-01')
    expect(daysUntilDue('2027-01-15', now)).toBe(14)
    expect(daysUntilDue('2026-12-31', now)).toBe(-1)
    // Summer time: 22:30 UTC on 30 June is 00:30 on 1 July in Oslo
    expect(daysUntilDue('2026-07-31', new Date('2026-06-30T22:30:00Z'))).toBe(30)
  })
})

describe('contact details', () => {
  it.each([
    ['99999999', '+4799999999'],
    ['999 99 999', '+4799999999'],
    ['+47 999 99 999', '+4799999999'],
    ['0047 98765432', '+4798765432'],
    ['4798765432', '+4798765432'],
    ['+46 70 123 45 67', '+46701234567'],
    ['22 33 44 55', '+4722334455'],
  ])('phone %s → %s', (raw, want) => expect(parsePhone(raw)).toBe(want))
  it('refuses what is not a phone number', () => {
    expect(parsePhone('12345678')).toBeUndefined()
    expect(parsePhone('123')).toBeUndefined()
    expect(parsePhone('ring meg')).toBeUndefined()
  })
  it('checks emails', () => {
    expect(isEmail('ola@nordmann.no')).toBe(true)
    expect(isEmail('kåre@bjørn.no')).toBe(true)
    expect(isEmail('ola@nordmann')).toBe(false)
    expect(isEmail('ola nordmann@x.no')).toBe(false)
    expect(isEmail('ola@@x.no')).toBe(false)
    expect(isEmail('ola..n@x.no')).toBe(false)
  })
  it('pads Norwegian postal codes and leaves other countries alone', () => {
    expect(parsePostalCode('151', 'NO')).toEqual({ ok: true, value: '0151', padded: true })
    expect(parsePostalCode('5003', 'NO')).toEqual({ ok: true, value: '5003', padded: false })
    expect(parsePostalCode('50 03', 'NO')).toEqual({ ok: true, value: '5003', padded: false })
    expect(parsePostalCode('12345', 'NO').ok).toBe(false)
    expect(parsePostalCode('114 55', 'SE')).toEqual({ ok: true, value: '114 55', padded: false })
  })
  it('reads organisation numbers with spaces and flags a failed check digit', () => {
    expect(parseOrgNumber('923 609 016')).toEqual({ ok: true, value: '923609016', checksum: true })
    expect(parseOrgNumber('123456789')).toEqual({ ok: true, value: '123456789', checksum: false })
    expect(parseOrgNumber('12345678').ok).toBe(false)
  })
  it('reads countries', () => {
    expect(parseCountry('no')).toBe('NO')
    expect(parseCountry('Norge')).toBe('NO')
    expect(parseCountry('Sverige')).toBe('SE')
    expect(parseCountry('Atlantis')).toBeUndefined()
  })
})
