import { describe, expect, it } from 'vitest'
import { paymentsNotice, sinceWords } from '../../../src/main/ipc/handlers/background-refresh'

describe('the payments notification', () => {
  const now = new Date(2026, 11, 3, 9, 30)

  it('says since when, in the local calendar', () => {
    expect(sinceWords(new Date(2026, 11, 2, 22, 10), now, 'nb')).toBe('siden i går')
    expect(sinceWords(new Date(2026, 11, 2, 22, 10), now, 'en')).toBe('since yesterday')
    expect(sinceWords(new Date(2026, 11, 3, 6, 5), now, 'nb')).toBe('siden kl. 06.05')
    expect(sinceWords(new Date(2026, 11, 3, 6, 5), now, 'en')).toBe('since 06:05')
    expect(sinceWords(new Date(2026, 10, 28, 12, 0), now, 'nb')).toBe('siden 28. nov.')
    expect(sinceWords(new Date(2026, 10, 28, 12, 0), now, 'en')).toBe('since 28 Nov')
    expect(sinceWords(null, now, 'nb')).toBe('siden sist')
  })

  it('counts invoices and sums kroner exactly from øre', () => {
    expect(paymentsNotice(12, 3_845_000, 'siden i går', 'nb')).toEqual({
      title: 'Betalinger mottatt',
      body: '12 fakturaer betalt siden i går, 38\u00a0450,00 kr',
    })
    expect(paymentsNotice(1, 19_999, 'since yesterday', 'en')).toEqual({
      title: 'Payments received',
      body: '1 invoice paid since yesterday, NOK 199.99',
    })
    expect(paymentsNotice(1, 5, 'siden sist', 'nb').body).toBe('1 faktura betalt siden sist, 0,05 kr')
  })
})
