import { describe, expect, it } from 'vitest'
import { translate } from '../../../src/renderer/src/i18n/catalog'
import { attemptText, reasonText } from '../../../src/renderer/src/screens/run/labels'

const nb = (raw: string | null) => attemptText(raw, (k, v) => translate('nb', k, v))
const en = (raw: string | null) => attemptText(raw, (k, v) => translate('en', k, v))

describe('attemptText', () => {
  it('puts the attempt kind and its outcome into words in the UI language', () => {
    expect(nb('pay: authorized')).toBe(`Sending: ${translate('nb', 'run.st_authorized')}`)
    expect(nb('void: interrupted')).toBe('Kansellering: avbrutt')
    expect(nb('lookup')).toBe('Oppslag')
    expect(nb('lookup: none')).toBe('Oppslag: ingen funnet')
    expect(en('pay: error')).toBe('Send: error')
  })
  it('shows what it does not know as it came, and a dash for nothing', () => {
    expect(nb('refresh: PARTIALLY_CAPTURED')).toBe('Statusoppdatering: PARTIALLY_CAPTURED')
    expect(nb('toString')).toBe('toString')
    expect(nb(null)).toBe('—')
  })
})

describe('reasonText', () => {
  const nbT = (k: Parameters<typeof translate>[1], v?: Parameters<typeof translate>[2]) =>
    translate('nb', k, v)
  const enT = (k: Parameters<typeof translate>[1], v?: Parameters<typeof translate>[2]) =>
    translate('en', k, v)
  it("puts the journal's reason identifiers into words and leaves other messages as they came", () => {
    expect(reasonText('interrupted', nbT, 'nb')).toBe(
      'Avbrutt underveis; sjekkes hos Dintero før den sendes på nytt',
    )
    expect(reasonText('transient', enT, 'en')).toBe('Temporary error')
    expect(reasonText('Customer email is invalid', nbT, 'nb')).toBe('Customer email is invalid')
    expect(reasonText(null, nbT, 'nb')).toBe('')
  })

  const phone =
    'Creating invoice INV-00004: Dintero answered 400 INVALID_REQUEST: session.order.billing_address.phone_number: must match ^\\+?\\d{5,15}$ (international format, e.g. +4799999999)'
  it('names the field Dintero refused by its label, without status, code or request path', () => {
    expect(reasonText(phone, nbT, 'nb')).toBe(
      'Dintero godtok ikke verdien i «Telefon». Rett den og send på nytt.',
    )
    expect(reasonText(phone, enT, 'en')).toBe(
      'Dintero did not accept the value of "Phone" (international format, e.g. +4799999999). Fix it and send it again.',
    )
    const item =
      'Creating invoice 7: Dintero answered 400 INVALID_REQUEST: session.order.items[1].description: is required'
    expect(reasonText(item, nbT, 'nb')).toBe(
      'Dintero godtok ikke verdien i «Beskrivelse». Rett den og send på nytt.',
    )
  })
  it('says a refusal without a known field, a sign-in refusal and a fault at Dintero in words', () => {
    for (const [raw, nb] of [
      [
        'Creating invoice 7: Dintero answered 400 INVALID_REQUEST: amount mismatch',
        'Dintero avviste fakturaen.',
      ],
      ['Creating invoice 7: Dintero answered 400', 'Dintero avviste fakturaen.'],
      ['Creating invoice 7: Dintero answered 401 UNAUTHORIZED', 'Dintero godtok ikke innloggingen.'],
      ['Creating invoice 7: Dintero answered 503', 'Dintero hadde en feil'],
    ] as const) {
      const text = reasonText(raw, nbT, 'nb')
      expect(text.startsWith(nb)).toBe(true)
      expect(text).not.toMatch(/\d{3}|INVALID|UNAUTHORIZED|answered/)
    }
  })
})
