import { describe, expect, it } from 'vitest'
import { openMemoryAppDb } from '../../../src/main/db/store'
import { createDispatcher } from '../../../src/main/ipc/dispatch'
import { silentLogger } from '../../../src/main/log'
import {
  FakeDialogs,
  FakeSystemInfo,
  MemorySecretStore,
  RecordingNotifier,
  RecordingOpener,
} from '../../support/platform-fakes'
import { createBatch } from '../../../src/main/journal/freeze'
import type { RunEnv } from '../../../src/main/journal/types'
import { createAppServices } from '../../../src/main/services'
import { batchInput, invoices } from '../../support/journal-fixtures'

function setup(env: RunEnv, confirm: boolean[], locale = 'en-GB') {
  const db = openMemoryAppDb()
  const dialogs = new FakeDialogs({ confirm })
  const s = createAppServices({
    dataDir: '/data/Kravia Batch',
    db,
    log: silentLogger,
    events: { emit() {} },
    dialogs,
    secrets: new MemorySecretStore(),
    opener: new RecordingOpener(),
    notifier: new RecordingNotifier(),
    system: new FakeSystemInfo(locale, 'light'),
    clock: () => new Date('2026-11-25T12:00:00Z'),
    version: '0.1.0',
  })
  const list = invoices(3, 'INV')
  const batchId = createBatch(
    db,
    batchInput(list, {}, env, { account: env === 'production' ? 'P12345678' : 'T12345678' }),
  )
  const dispatch = createDispatcher(s.handlers, silentLogger)
  const states = () =>
    (
      db.prepare('SELECT state FROM invoices WHERE batch_id = ? ORDER BY seq').all(batchId) as {
        state: string
      }[]
    ).map((r) => r.state)
  const attempts = () => (db.prepare('SELECT COUNT(*) AS n FROM attempts').get() as { n: number }).n
  return { db, dialogs, dispatch, batchId, states, attempts, dispose: () => s.dispose() }
}

describe('production actions are confirmed by a native dialog from main', () => {
  it('asks before sending, naming the count and the total; a no sends nothing', async () => {
    const t = setup('production', [false])
    const r = await t.dispatch('runs:start', { batchId: t.batchId })
    expect(r).toMatchObject({ ok: false, error: { code: 'not_confirmed' } })
    const asked = t.dialogs.calls.filter((c) => c.kind === 'confirm')
    expect(asked).toHaveLength(1)
    // 125.00 + 125.01 + 125.02 kr, added by hand.
    expect(asked[0]).toMatchObject({
      options: { message: 'Send 3 invoices totalling 375.03 kr to your customers?', danger: true },
    })
    expect(JSON.stringify(asked[0])).toContain('P12345678')
    expect(t.states()).toEqual(['pending', 'pending', 'pending'])
    expect(t.attempts()).toBe(0)
    await t.dispose()
  })

  it('a yes lets the send go on (here it stops at the missing credentials, after the dialog)', async () => {
    const t = setup('production', [true])
    const r = await t.dispatch('runs:start', { batchId: t.batchId })
    expect(t.dialogs.calls.filter((c) => c.kind === 'confirm')).toHaveLength(1)
    expect(r.ok ? 'ok' : r.error.code).not.toBe('not_confirmed')
    await t.dispose()
  })

  it('asks before voiding and capturing in Norwegian for a Norwegian system, with the selection', async () => {
    const t = setup('production', [false, false], 'nb-NO')
    t.db
      .prepare(`UPDATE invoices SET state = 'authorized', transaction_id = 'T' || id WHERE batch_id = ?`)
      .run(t.batchId)
    const ids = (
      t.db.prepare('SELECT id FROM invoices WHERE batch_id = ? ORDER BY seq LIMIT 2').all(t.batchId) as {
        id: number
      }[]
    ).map((r) => r.id)
    expect(await t.dispatch('runs:void', { batchId: t.batchId, ids })).toMatchObject({
      ok: false,
      error: { code: 'not_confirmed', message_nb: expect.stringContaining('avbrutt') },
    })
    const [voidAsk] = t.dialogs.calls.filter((c) => c.kind === 'confirm')
    expect(voidAsk).toMatchObject({
      options: {
        message: expect.stringMatching(/^Annullere 2 fakturaer på til sammen [\d\u00a0]+,\d\d kr\?$/),
      },
    })
    t.db.prepare(`UPDATE invoices SET state = 'awaiting_capture' WHERE batch_id = ?`).run(t.batchId)
    await t.dispatch('runs:capture', { batchId: t.batchId, ids })
    expect(t.dialogs.calls.filter((c) => c.kind === 'confirm')).toHaveLength(2)
    expect(t.states()).toEqual(['awaiting_capture', 'awaiting_capture', 'awaiting_capture'])
    expect(t.attempts()).toBe(0)
    await t.dispose()
  })

  it('does not ask in the sandbox or for a test account', async () => {
    for (const env of ['sandbox', 'test'] as const) {
      const t = setup(env, [])
      await t.dispatch('runs:start', { batchId: t.batchId })
      await t.dispatch('runs:pause', { batchId: t.batchId }).catch(() => undefined)
      expect(t.dialogs.calls.filter((c) => c.kind === 'confirm')).toEqual([])
      await t.dispose()
    }
  })
})
