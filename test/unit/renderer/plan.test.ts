import { describe, expect, it } from 'vitest'
import { confirmationMatches, etaParts } from '../../../src/renderer/src/screens/plan/eta'

describe('plan screen logic', () => {
  it('states the estimate in seconds, minutes or hours', () => {
    expect(etaParts(0.2)).toMatchObject({ unit: 'seconds', n: 1 })
    expect(etaParts(42)).toMatchObject({ unit: 'seconds', n: 42 })
    expect(etaParts(61)).toMatchObject({ unit: 'minutes', n: 2 })
    expect(etaParts(2 * 3600 + 5 * 60)).toMatchObject({ unit: 'hours', h: 2, m: 5 })
  })
  it('accepts the typed production confirmation only when it matches', () => {
    expect(confirmationMatches('', null)).toBe(true)
    expect(confirmationMatches('send', 'SEND')).toBe(true)
    expect(confirmationMatches(' P12345678 ', 'P12345678')).toBe(true)
    expect(confirmationMatches('SEN', 'SEND')).toBe(false)
    expect(confirmationMatches('', 'SEND')).toBe(false)
  })
})
