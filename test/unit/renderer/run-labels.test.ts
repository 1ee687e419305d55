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
    expect(en('pay: error')).toBe('Send: error')
  })
  it('shows what it does not know as it came, and a dash for nothing', () => {
    expect(nb('refresh: PARTIALLY_CAPTURED')).toBe('Statusoppdatering: PARTIALLY_CAPTURED')
    expect(nb('toString')).toBe('toString')
    expect(nb(null)).toBe('—')
  })
})

describe('reasonText', () => {
  it("puts the journal's reason identifiers into words and leaves Dintero's own messages as they came", () => {
    expect(reasonText('interrupted', (k, v) => translate('nb', k, v))).toBe(
      'Avbrutt underveis; sjekkes hos Dintero før den sendes på nytt',
    )
    expect(reasonText('transient', (k, v) => translate('en', k, v))).toBe('Temporary error')
    expect(reasonText('Customer email is invalid', (k, v) => translate('nb', k, v))).toBe(
      'Customer email is invalid',
    )
    expect(reasonText(null, (k, v) => translate('nb', k, v))).toBe('')
  })
})
