import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import { openMemoryAppDb } from '../../../src/main/db/store'
import { silentLogger } from '../../../src/main/log'
import { createBatch } from '../../../src/main/journal/freeze'
import { createUpdates, type UpdaterLike } from '../../../src/main/updates'
import { batchInput, invoices } from '../../support/journal-fixtures'

class FakeUpdater extends EventEmitter implements UpdaterLike {
  autoDownload = false
  autoInstallOnAppQuit = true
  checks = 0
  installs = 0
  async checkForUpdates() {
    this.checks++
    return null
  }
  quitAndInstall() {
    this.installs++
  }
}

function setup() {
  const db = openMemoryAppDb()
  const updater = new FakeUpdater()
  let now = new Date('2026-12-01T08:00:00Z')
  const ready: string[] = []
  const updates = createUpdates({
    db,
    updater,
    log: silentLogger,
    now: () => now,
    onReady: (v) => ready.push(v),
  })
  const advance = (hours: number) => {
    now = new Date(now.getTime() + hours * 3_600_000)
  }
  return { db, updater, updates, ready, advance }
}

describe('updates of the installed app', () => {
  it('downloads by itself but never installs on quit', () => {
    const { updater } = setup()
    expect(updater.autoDownload).toBe(true)
    expect(updater.autoInstallOnAppQuit).toBe(false)
  })

  it('checks at most once a day, whatever the hourly ticks', async () => {
    const { updater, updates, advance } = setup()
    await updates.tick()
    for (let h = 0; h < 23; h++) {
      advance(1)
      await updates.tick()
    }
    expect(updater.checks).toBe(1)
    advance(1)
    await updates.tick()
    expect(updater.checks).toBe(2)
  })

  it('does not check when Settings turned it off, and the choice is kept', async () => {
    const { db, updater, updates } = setup()
    expect(updates.setEnabled(false)).toMatchObject({ enabled: false, supported: true })
    await updates.tick()
    expect(updater.checks).toBe(0)
    // Another start reads the same setting.
    const again = createUpdates({ db, updater, log: silentLogger, now: () => new Date(), onReady: () => {} })
    expect(again.state().enabled).toBe(false)
  })

  it('says a version is ready and installs it only when asked, never while a batch is being sent', async () => {
    const { db, updater, updates, ready } = setup()
    expect(updates.install()).toBe(false)
    updater.emit('update-downloaded', { version: '0.2.0' })
    expect(ready).toEqual(['0.2.0'])
    expect(updates.state().ready).toBe('0.2.0')
    expect(updater.installs).toBe(0)

    const batchId = createBatch(db, batchInput(invoices(1), {}, 'sandbox'))
    db.prepare(`UPDATE batches SET state = 'running' WHERE id = ?`).run(batchId)
    expect(updates.install()).toBe(false)
    expect(updater.installs).toBe(0)

    db.prepare(`UPDATE batches SET state = 'finished' WHERE id = ?`).run(batchId)
    expect(updates.install()).toBe(true)
    expect(updater.installs).toBe(1)
  })

  it('does not check while a batch is being sent', async () => {
    const { db, updater, updates } = setup()
    const batchId = createBatch(db, batchInput(invoices(1), {}, 'sandbox'))
    db.prepare(`UPDATE batches SET state = 'running' WHERE id = ?`).run(batchId)
    await updates.tick()
    expect(updater.checks).toBe(0)
  })
})
