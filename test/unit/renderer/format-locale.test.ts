import { describe, expect, it } from 'vitest'
import { formatDate, formatDateTime, formatSize } from '../../../src/renderer/src/i18n/format'

// Intl uses a no-break space (U+00A0) as the Norwegian group separator; compare on plain spaces.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ')

describe('formatSize', () => {
  it('uses the Norwegian decimal comma and group space in nb', () => {
    expect(formatSize(1536, 'nb')).toBe('1,5 kB')
    expect(formatSize(5 * 1024 * 1024 + 300 * 1024, 'nb')).toBe('5,3 MB')
    expect(plain(formatSize(1000, 'nb'))).toBe('1 000 B')
  })
  it('uses the decimal point in en', () => {
    expect(formatSize(1536, 'en')).toBe('1.5 kB')
    expect(formatSize(5 * 1024 * 1024 + 300 * 1024, 'en')).toBe('5.3 MB')
    expect(formatSize(1000, 'en')).toBe('1,000 B')
  })
})

describe('formatDate and formatDateTime', () => {
  it('writes calendar dates as dd.mm.yyyy in nb and dd/mm/yyyy in en, never shifted a day', () => {
    expect(formatDate('2026-12-24', 'nb')).toBe('24.12.2026')
    expect(formatDate('2026-01-01', 'nb')).toBe('01.01.2026')
    expect(formatDate('2026-12-24', 'en')).toBe('24/12/2026')
    expect(formatDate('not a date', 'nb')).toBe('not a date')
  })
  it('writes instants with a short date and local time', () => {
    const local = new Date(2026, 10, 25, 14, 5, 9).toISOString()
    expect(formatDateTime(local, 'nb')).toBe('25.11.2026, 14:05')
    expect(formatDateTime(local, 'nb', true)).toBe('25.11.2026, 14:05:09')
    expect(formatDateTime(local, 'en')).toBe('25/11/2026, 14:05')
  })
})
