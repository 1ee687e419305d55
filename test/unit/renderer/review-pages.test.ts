import { describe, expect, it } from 'vitest'
import { locate, pagesForRange, pagesToKeep } from '../../../src/renderer/src/screens/review/pages'

describe('review grid paging', () => {
  it('asks only for the pages in view, clipped to the rows there are', () => {
    expect(pagesForRange(0, 30, 100_000, 200)).toEqual([0])
    expect(pagesForRange(190, 230, 100_000, 200)).toEqual([0, 1])
    expect(pagesForRange(99_990, 100_020, 100_000, 200)).toEqual([499])
    expect(pagesForRange(0, 10, 0, 200)).toEqual([])
  })
  it('drops pages far from the view so memory stays bounded at 100k rows', () => {
    expect(pagesToKeep([50, 51], [0, 1, 48, 50, 51, 56, 57, 400], 5).sort((a, b) => a - b)).toEqual([
      48, 50, 51, 56,
    ])
  })
  it('finds a row inside its page', () => {
    expect(locate(0, 200)).toEqual({ page: 0, offset: 0 })
    expect(locate(401, 200)).toEqual({ page: 2, offset: 1 })
  })
})
