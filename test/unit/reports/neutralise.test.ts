import { describe, expect, it } from 'vitest'
import {
  isE164Phone,
  isPlainNumber,
  neutraliseCsvCell,
  unneutraliseCsvCell,
} from '../../../src/main/reports/neutralise'

describe('CSV formula neutralising', () => {
  it.each([
    ['=SUM(A1:A2)', "'=SUM(A1:A2)"],
    ['=HYPERLINK("http://x","click")', '\'=HYPERLINK("http://x","click")'],
    ["+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"],
    ['-2+3+cmd', "'-2+3+cmd"],
    ['@SUM(1)', "'@SUM(1)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
    ['-', "'-"],
    ['+', "'+"],
    ['- Strøm', "'- Strøm"],
    ['+47 999 99 999', "'+47 999 99 999"],
    ['-12,50 kr', "'-12,50 kr"],
    ['1+1', '1+1'],
  ])('prefixes %j', (input, output) => {
    expect(neutraliseCsvCell(input)).toBe(output)
  })

  it.each([
    '-12,50',
    '-1299.5',
    '-1299',
    '+12',
    '+0,5',
    '-1 299,50',
    '-1\u00a0299,50',
    '+4799999999',
    '+4712345',
    'Åse Ødegård',
    '0150',
    '923456789',
    '',
    "It's fine",
    'a=b',
  ])('leaves %j alone', (text) => {
    expect(neutraliseCsvCell(text)).toBe(text)
  })

  it('tells numbers and phones apart from formulas', () => {
    expect(isPlainNumber('-12,50')).toBe(true)
    expect(isPlainNumber('-1299.5')).toBe(true)
    expect(isPlainNumber('-12,50,1')).toBe(false)
    expect(isPlainNumber('-1E5')).toBe(false)
    expect(isPlainNumber('-0x10')).toBe(false)
    expect(isE164Phone('+4799999999')).toBe(true)
    expect(isE164Phone('+0799999999')).toBe(false)
    expect(isE164Phone('+1234567890123456')).toBe(false)
    expect(isE164Phone('4799999999')).toBe(false)
  })

  it('escapes text that already starts with apostrophes before a trigger, so one strip restores it', () => {
    expect(neutraliseCsvCell("'=1+1")).toBe("''=1+1")
    expect(neutraliseCsvCell("''-x")).toBe("'''-x")
    expect(neutraliseCsvCell("'plain")).toBe("'plain")
  })

  it('round-trips every string through the importer inverse', () => {
    const alphabet = ["'", '=', '+', '-', '@', '\t', '\r', '1', ',', '.', 'a', ' ', 'ø']
    // Every string up to length 4 over the characters that matter.
    let strings = ['']
    for (let len = 0; len < 4; len++) {
      const next: string[] = []
      for (const s of strings) for (const ch of alphabet) next.push(s + ch)
      strings = strings.concat(next.filter((s) => s.length === len + 1))
    }
    expect(strings.length).toBeGreaterThan(30_000)
    for (const s of strings) expect(unneutraliseCsvCell(neutraliseCsvCell(s))).toBe(s)
    expect(unneutraliseCsvCell("'quoted'")).toBe("'quoted'")
  })
})
