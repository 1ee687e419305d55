import { describe, expect, it } from 'vitest'
import { findNoted, nextProblem, type ReviewIndex } from '../../../src/main/import-sessions/review-index'
import type { SourceRow } from '../../../src/main/import/types'

describe('next problem', () => {
  const problems = [3, 10, 42]
  it('goes to the next problem after the current row, wrapping at the end', () => {
    expect(nextProblem(problems, -1, 1)).toBe(3)
    expect(nextProblem(problems, 3, 1)).toBe(10)
    expect(nextProblem(problems, 11, 1)).toBe(42)
    expect(nextProblem(problems, 42, 1)).toBe(3)
  })
  it('goes back to the previous one, wrapping at the start', () => {
    expect(nextProblem(problems, 10, -1)).toBe(3)
    expect(nextProblem(problems, 11, -1)).toBe(10)
    expect(nextProblem(problems, 3, -1)).toBe(42)
    expect(nextProblem(problems, 0, -1)).toBe(42)
  })
  it('says there is none when there are no problems', () => {
    expect(nextProblem([], 5, 1)).toBeNull()
  })
})

describe('next problem with a note to read (F8)', () => {
  // Rows 0–5 on lines 2–7. Rows 1, 2 and 4 are marked; only rows 2 and 4 carry notes (row 1 is only
  // marked because its invoice is left out for the problem on row 2).
  const rows = [2, 3, 4, 5, 6, 7].map((line) => ({ line, cells: [] }))
  const idx = {
    problems: [1, 2, 4],
    issuesByLine: new Map([
      [4, []],
      [6, []],
    ]),
  } as unknown as ReviewIndex
  const find = (problemsOnly: boolean, from: number, dir: 1 | -1) =>
    findNoted(idx, rows as unknown as SourceRow[], problemsOnly, from, dir)

  it('passes over rows that are only marked for their invoice, both ways and wrapping', () => {
    expect(find(false, -1, 1)).toBe(2)
    expect(find(false, 2, 1)).toBe(4)
    expect(find(false, 4, 1)).toBe(2)
    expect(find(false, 4, -1)).toBe(2)
    expect(find(false, 2, -1)).toBe(4)
  })
  it('counts in places of the problem list when only problems are shown', () => {
    expect(find(true, -1, 1)).toBe(1)
    expect(find(true, 1, 1)).toBe(2)
    expect(find(true, 2, 1)).toBe(1)
    expect(find(true, 1, -1)).toBe(2)
  })
})
