import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openAppDb } from '../../../src/main/db/store'
import { openSqlite } from '../../../src/main/db/open'
import { loadRememberedMapping, rememberMapping, suggestMapping } from '../../../src/main/mapping'

const dir = mkdtempSync(join(tmpdir(), 'kb-mapping-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('remembered mappings (real SQLite)', () => {
  const headers = ['Nr', 'Hvem', 'Kunde', 'Kontakt', 'Epost', 'Varen', 'Kr']
  const mapping = {
    merchant_reference: 'Nr',
    payment_product_type: 'Hvem',
    business_name: 'Kunde',
    first_name: 'Kontakt',
    email: 'Epost',
    description: 'Varen',
    amount: 'Kr',
  } as const

  it('applies a mapping remembered for the same headers, in any order, after reopening the store', () => {
    const file = join(dir, 'a')
    const db = openAppDb(file)
    expect(loadRememberedMapping(db, headers)).toBeNull()
    rememberMapping(db, headers, mapping, { days_until_due: '14' })
    db.close()
    const again = openAppDb(file)
    const shuffled = [...headers].reverse()
    const r = loadRememberedMapping(again, shuffled)
    expect(r).toMatchObject({ exact: true, mapping, constants: { days_until_due: '14' } })
    const s = suggestMapping(shuffled, [], r)
    expect(s.mapping.amount).toBe('Kr')
    expect(s.columns.amount).toBe(0)
    expect(s.source.amount).toBe('remembered')
    expect(s.constants).toEqual({ days_until_due: '14' })
    expect(s.changes).toBeNull()
    // Remembering again updates in place.
    rememberMapping(again, headers, { ...mapping, amount: 7 })
    expect(loadRememberedMapping(again, headers)?.mapping.amount).toBe(7)
    again.close()
  })

  it('points out renamed, added and missing columns of a changed source', () => {
    const db = openAppDb(join(dir, 'b'))
    rememberMapping(db, headers, mapping)
    // "Epost" became "E-post", "Kr" became "Beløp" (same position), "Kontakt" is gone, "Notat" is new.
    const changed = ['Nr', 'Hvem', 'Kunde', 'E-post', 'Varen', 'Beløp', 'Notat']
    const r = loadRememberedMapping(db, changed)
    expect(r?.exact).toBe(false)
    const s = suggestMapping(changed, [], r)
    expect(s.changes?.renamed).toEqual(
      expect.arrayContaining([
        { from: 'Epost', to: 'E-post', field: 'email' },
        { from: 'Kr', to: 'Beløp', field: 'amount' },
      ]),
    )
    expect(s.changes?.missing).toEqual([{ header: 'Kontakt', field: 'first_name' }])
    expect(s.changes?.added).toEqual(['Notat'])
    expect(s.mapping).toMatchObject({ email: 'E-post', amount: 'Beløp', business_name: 'Kunde' })
    expect(s.mapping.first_name).toBeUndefined()
    db.close()
  })

  it('ignores an unrelated source', () => {
    const db = openAppDb(join(dir, 'c'))
    rememberMapping(db, headers, mapping)
    expect(loadRememberedMapping(db, ['A', 'B', 'C', 'Nr'])).toBeNull()
    db.close()
  })

  it('reads through a read-only connection, even from a store without the table', () => {
    const file = join(dir, 'd', 'kravia-batch.sqlite')
    openAppDb(join(dir, 'd')).close()
    const ro = openSqlite(file, { readonly: true })
    expect(loadRememberedMapping(ro, headers)).toBeNull()
    ro.close()
    const bare = openSqlite(join(dir, 'e.sqlite'))
    bare.close()
    const ro2 = openSqlite(join(dir, 'e.sqlite'), { readonly: true })
    expect(loadRememberedMapping(ro2, headers)).toBeNull()
    ro2.close()
  })
})
