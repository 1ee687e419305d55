import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { createGroupCommit } from '../../../src/main/engine/group-commit'
import { tempDb } from '../../support/journal-fixtures'

let t: ReturnType<typeof tempDb>
afterEach(() => t?.close())

describe('group commit', () => {
  it('resolves a write only once it is committed; one failing write does not undo the others', async () => {
    t = tempDb()
    t.db.exec('CREATE TABLE gc (v INTEGER NOT NULL)')
    const other = new Database(t.db.name, { readonly: true })
    const seen = () => (other.prepare('SELECT v FROM gc ORDER BY v').all() as { v: number }[]).map((r) => r.v)
    try {
      const commit = createGroupCommit(t.db)
      const insert = (v: number) => () => t.db.prepare('INSERT INTO gc (v) VALUES (?)').run(v)
      const a = commit(insert(1))
      const bad = commit(() => {
        insert(2)()
        throw new Error('refused')
      })
      const c = commit(insert(3))
      // Nothing is written in the turn that asked for it: the caller must await the commit.
      expect(seen()).toEqual([])
      await a
      // When the first write resolves, every write of its group is visible to another connection.
      expect(seen()).toEqual([1, 3])
      await expect(bad).rejects.toThrow('refused')
      await c
      expect(seen()).toEqual([1, 3])
      // A failure of the whole transaction rejects every write of the group, none is kept.
      t.db.exec('CREATE TABLE one (v INTEGER NOT NULL)')
      const failing = commit(() => t.db.prepare('INSERT INTO one (v) VALUES (1)').run())
      const conn2 = new Database(t.db.name)
      conn2.pragma('busy_timeout = 0')
      t.db.pragma('busy_timeout = 0')
      conn2.exec('BEGIN IMMEDIATE')
      try {
        await expect(failing).rejects.toThrow(/locked|busy/i)
      } finally {
        conn2.exec('ROLLBACK')
        conn2.close()
      }
      expect(other.prepare('SELECT COUNT(*) AS n FROM one').get()).toEqual({ n: 0 })
    } finally {
      other.close()
    }
  })
})
