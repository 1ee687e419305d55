import { describe, expect, it } from 'vitest'
import { translate } from '../../../src/renderer/src/i18n/catalog'
import { interpolate, langFromLocale } from '../../../src/renderer/src/i18n/define'
import { formatMoney, formatRate } from '../../../src/renderer/src/i18n/format'
import { areas } from '../../../src/renderer/src/i18n/strings'

describe('i18n', () => {
  it('picks Norwegian for Norwegian OS locales and English otherwise', () => {
    expect(langFromLocale('nb-NO')).toBe('nb')
    expect(langFromLocale('nn_NO')).toBe('nb')
    expect(langFromLocale('no')).toBe('nb')
    expect(langFromLocale('en-US')).toBe('en')
    expect(langFromLocale('sv-SE')).toBe('en')
    expect(langFromLocale(undefined)).toBe('en')
  })

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(interpolate('{done} av {total}', { done: 3, total: 10 })).toBe('3 av 10')
    expect(interpolate('Hei {navn}', {})).toBe('Hei {navn}')
  })

  it('translates a key in both languages', () => {
    expect(translate('nb', 'common.envSandbox')).toBe('Sandkasse — ingen ekte fakturaer sendes')
    expect(translate('en', 'common.envSandbox')).toBe('Sandbox — no real invoices are sent')
    expect(translate('en', 'common.progressLabel', { done: 1, total: 2 })).toBe('1 of 2')
  })

  it('has the same keys, all non-empty, in Norwegian and English for every area', () => {
    for (const [area, table] of Object.entries(areas)) {
      const nb = Object.keys(table.nb).sort()
      const en = Object.keys(table.en).sort()
      expect(en, area).toEqual(nb)
      for (const k of nb) {
        expect((table.nb as Record<string, string>)[k].trim(), `${area}.${k} nb`).not.toBe('')
        expect((table.en as Record<string, string>)[k].trim(), `${area}.${k} en`).not.toBe('')
      }
    }
  })

  it('rejects unknown keys at compile time', () => {
    // @ts-expect-error — not a key of any area
    expect(translate('en', 'common.noSuchKey')).toBe('common.noSuchKey')
  })

  it('formats øre exactly, without floating point', () => {
    expect(formatMoney(129950, 'en')).toBe('NOK 1,299.50')
    expect(formatMoney(129950, 'nb').replace(/\s/g, ' ')).toBe('1 299,50 kr')
    expect(formatMoney(5, 'en')).toBe('NOK 0.05')
    expect(formatMoney(-100, 'en')).toBe('−NOK 1.00')
    // 2^53-ish sums still print every øre
    expect(formatMoney(900719925474099, 'en')).toBe('NOK 9,007,199,254,740.99')
    expect(formatRate('11.11', 'nb')).toBe('11,11 %')
  })
})
