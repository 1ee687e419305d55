import { describe, expect, it } from 'vitest'
import {
  type Dec,
  decFromNumber,
  decToString,
  formatOre,
  mul,
  parseNumberText,
  separatorEvidence,
  toOre,
  vatOfGross,
} from '../../../src/shared/money'
import {
  cleanOrgNumber,
  isValidKidMod10,
  isValidOrgNumber,
  normalizeNoPostalCode,
} from '../../../src/shared/no-validators'

const ok = (raw: string, sep?: ',' | '.') => {
  const p = parseNumberText(raw, sep)
  if (p.kind !== 'ok') throw new Error(`${raw}: ${p.kind}`)
  return decToString(p.value)
}

describe('parseNumberText: the formats Norwegian and English sheets use', () => {
  it.each([
    ['1 299,50', '1299.5'],
    ['1.299,50', '1299.5'],
    ['1,299.50', '1299.5'],
    ['1299.5', '1299.5'],
    ['kr 1 299,-', '1299'],
    ['1 299,- kr', '1299'],
    ['NOK 299', '299'],
    ['7,5', '7.5'],
    ['1\u00a0299,00', '1299'],
    ['1\u202f299,00', '1299'],
    ['0,125', '0.125'],
    ['1299,500', '1299.5'],
    ['1.299.000', '1299000'],
    ['1,299,000.25', '1299000.25'],
    ['-12,5', '-12.5'],
    ['299', '299'],
    [',5', '0.5'],
  ])('%s → %s', (raw, want) => {
    expect(ok(raw)).toBe(want)
  })

  it('reports a lone `1,500` as ambiguous and reads it with the column separator', () => {
    expect(parseNumberText('1,500').kind).toBe('ambiguous')
    expect(parseNumberText('1.500').kind).toBe('ambiguous')
    expect(ok('1,500', ',')).toBe('1.5')
    expect(ok('1,500', '.')).toBe('1500')
    expect(ok('1.500', ',')).toBe('1500')
    expect(ok('1.500', '.')).toBe('1.5')
  })

  it('votes for the separator the text proves', () => {
    expect(parseNumberText('7,5')).toMatchObject({ vote: ',' })
    expect(parseNumberText('1.299,50')).toMatchObject({ vote: ',' })
    expect(parseNumberText('1,299.50')).toMatchObject({ vote: '.' })
    expect(parseNumberText('1,299,000')).toMatchObject({ vote: '.' })
    expect((parseNumberText('299') as { vote?: string }).vote).toBeUndefined()
  })

  it.each(['', 'abc', '12a', '1,2,3', '1.2.3,4.5', '--5', '1,29,50'])('refuses %j', (raw) => {
    expect(parseNumberText(raw).kind).toBe('invalid')
  })
})

describe('numeric cells go through their shortest decimal string', () => {
  it.each([
    [0.1, '0.1'],
    [1299.5, '1299.5'],
    [0.125, '0.125'],
    [1e-7, '0.0000001'],
    [1.5e21, '1500000000000000000000'],
    [19.99, '19.99'],
  ])('%s → %s', (n, s) => {
    expect(decToString(decFromNumber(n)!)).toBe(s)
  })
  it('never multiplies a float by 100', () => {
    // 1.005 * 100 = 100.49999999999999 in floats; exact decimal rounding gives 101 øre
    expect(toOre(decFromNumber(1.005)!)).toBe(101n)
    expect(toOre(decFromNumber(4.35)!)).toBe(435n)
  })
})

describe('rounding half away from zero, once', () => {
  it('rounds unit price × quantity at the end', () => {
    const p = (s: string) => (parseNumberText(s) as { value: Dec }).value
    expect(toOre(mul(p('0,125'), p('3')))).toBe(38n) // 0.375 → 0.38
    expect(toOre(mul(p('0,125'), p('1')))).toBe(13n) // 0.125 → 0.13
    expect(toOre(mul(p('-0,125'), p('1')))).toBe(-13n)
    expect(toOre(mul(p('19,99'), p('2,5')))).toBe(4998n) // 49.975 → 49.98
    expect(toOre(mul(p('1 299,50'), p('3')))).toBe(389850n)
  })
  it('computes VAT of a gross amount per rate', () => {
    const d = (s: string) => (parseNumberText(s) as { value: Dec }).value
    expect(vatOfGross(29900n, d('25'))).toBe(5980n)
    expect(vatOfGross(10000n, d('15'))).toBe(1304n) // 1304.347…
    expect(vatOfGross(10000n, d('12'))).toBe(1071n) // 1071.428…
    expect(vatOfGross(11111n, d('11,11'))).toBe(1111n)
    expect(vatOfGross(10000n, d('0'))).toBe(0n)
    expect(vatOfGross(5n, d('25'))).toBe(1n) // exactly 1.0
    expect(vatOfGross(10n, d('25'))).toBe(2n)
    expect(vatOfGross(3n, d('25'))).toBe(1n) // 0.6
    expect(vatOfGross(1n, d('25'))).toBe(0n) // 0.2
  })
  it('formats øre for people', () => {
    expect(formatOre(129950n)).toBe('1\u00a0299,50')
    expect(formatOre(129950, 'en')).toBe('1,299.50')
    expect(formatOre(-5n, 'en')).toBe('-0.05')
  })
})

describe('Norwegian identifiers', () => {
  it('checks organisation numbers with MOD11', () => {
    expect(isValidOrgNumber('923609016')).toBe(true) // Equinor
    expect(isValidOrgNumber('974760673')).toBe(true) // Brønnøysundregistrene
    expect(isValidOrgNumber('123456789')).toBe(false) // the docs' example
    expect(isValidOrgNumber('12345678')).toBe(false)
    expect(cleanOrgNumber('NO 923 609 016 MVA')).toBe('923609016')
  })
  it('checks KID with MOD10', () => {
    expect(isValidKidMod10('1234567897')).toBe(true)
    expect(isValidKidMod10('1234567890')).toBe(false)
    expect(isValidKidMod10('79927398713')).toBe(true)
    expect(isValidKidMod10('300000019497814')).toBe(true)
  })
  it('pads postal codes that lost their leading zero', () => {
    expect(normalizeNoPostalCode('151')).toBe('0151')
    expect(normalizeNoPostalCode('0151')).toBe('0151')
    expect(normalizeNoPostalCode('5003')).toBe('5003')
    expect(normalizeNoPostalCode('12345')).toBeUndefined()
    expect(normalizeNoPostalCode('N-0151')).toBeUndefined()
    expect(normalizeNoPostalCode('0')).toBeUndefined()
  })
})

describe('separatorEvidence (the stream phase reads no numbers, only what they prove)', () => {
  it.each([
    ['299', undefined],
    ['1 299,50', ','],
    ['1,299.50', '.'],
    ['7,5', ','],
    ['1,500', 'ambiguous'],
    ['1.500', 'ambiguous'],
    ['0,125', ','],
    ['1 299,500', ','],
    ['kr 1 299,-', undefined],
    ['1.299,50', ','],
  ])('%s → %s', (raw, want) => expect(separatorEvidence(raw)).toBe(want))
})
