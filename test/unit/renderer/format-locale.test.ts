import { describe, expect, it } from 'vitest'
import { formatSize } from '../../../src/renderer/src/i18n/format'

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
