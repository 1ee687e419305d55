import { describe, expect, it } from 'vitest'
import { PAGE_SIZE, RowStore } from '../../../src/renderer/src/screens/run/row-store'
import type { RunRow } from '../../../src/shared/contract'

const row = (id: number, state: RunRow['state'] = 'pending'): RunRow => ({
  id,
  reference: `R-${id}`,
  customer: 'Kunde AS',
  amount: 100_00,
  state,
  invoiceNumber: null,
  channel: 'kravia',
  error: null,
  supersededBy: null,
})
const page = (p: number, state: RunRow['state'] = 'pending') =>
  Array.from({ length: PAGE_SIZE }, (_, i) => row(p * PAGE_SIZE + i + 1, state))

describe('run grid row store', () => {
  it('asks for each page once, by position, and serves rows from it', () => {
    const s = new RowStore()
    expect(s.missingPages(0, 50)).toEqual([0])
    expect(s.missingPages(0, 50)).toEqual([])
    s.setPage(0, page(0), 1000)
    expect(s.rowAt(5)?.id).toBe(6)
    expect(s.rowAt(PAGE_SIZE + 1)).toBeUndefined()
    expect(s.missingPages(150, 450)).toEqual([1, 2])
    // Nothing past the end is asked for.
    expect(s.missingPages(900, 5000)).toEqual([4])
  })

  it('applies pushed changes by id over older pages, last one wins', () => {
    const s = new RowStore()
    s.setPage(0, page(0), 200)
    const v = s.version
    s.applyChanges([row(3, 'sending'), row(3, 'authorized'), row(7, 'failed')])
    expect(s.version).toBeGreaterThan(v)
    expect(s.rowAt(2)?.state).toBe('authorized')
    expect(s.rowAt(6)?.state).toBe('failed')
    expect(s.rowAt(0)?.state).toBe('pending')
  })

  it('trusts a page over pushes received before it was asked for, and pushes received after over the page', () => {
    const s = new RowStore()
    s.applyChanges([row(1, 'authorized')])
    expect(s.missingPages(0, 10)).toEqual([0])
    s.applyChanges([row(2, 'authorized')])
    // The page (read by main after the first push) has row 1 paid by a refresh, row 2 still older.
    const p = page(0)
    p[0] = row(1, 'paid')
    s.setPage(0, p, 200)
    expect(s.rowAt(0)?.state).toBe('paid')
    expect(s.rowAt(1)?.state).toBe('authorized')
  })

  it('forgets everything on invalidate (a new filter) and fetches again', () => {
    const s = new RowStore()
    s.setPage(0, page(0), 200)
    s.missingPages(0, 10)
    s.invalidate()
    expect(s.rowAt(0)).toBeUndefined()
    expect(s.missingPages(0, 10)).toEqual([0])
  })
})
