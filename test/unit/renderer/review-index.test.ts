import { describe, expect, it } from 'vitest'
import { nextProblem } from '../../../src/main/import-sessions/review-index'

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
