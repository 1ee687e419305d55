import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createDinteroClient } from '../../../src/main/dintero'
import { TransportError } from '../../../src/main/dintero/http'
import type { Logger } from '../../../src/main/log'
import { createBatch } from '../../../src/main/journal/freeze'
import type { RunUpdate } from '../../../src/main/engine/progress'
import type { Sandbox } from '../../../src/main/sandbox'
import { batchInput, invoices, tempDb } from '../../support/journal-fixtures'
import { byReference, clientFor, run, sandbox, sandboxTransactions } from './helpers'

/**
 * A machine without internet: the run says so at once, in plain words and both languages, the
 * log records it, retries back off, and after a spell without any answer the run pauses itself
 * (resumable) instead of spinning. Wrong credentials stop at once with their own message.
 */

let sb: Sandbox
let t: ReturnType<typeof tempDb>
beforeAll(async () => {
  sb = await sandbox()
})
afterAll(async () => {
  await sb?.close()
})
afterEach(() => t?.close())

function recordingLog() {
  const lines: { level: string; message: string }[] = []
  const log: Logger = {
    info: (message) => lines.push({ level: 'info', message }),
    warn: (message) => lines.push({ level: 'warn', message }),
    error: (message) => lines.push({ level: 'error', message }),
  }
  return { log, lines }
}

describe('Dintero unreachable', () => {
  it('says why at once (DNS), logs it, backs off, pauses itself after the silence limit, and resume sends everything', async () => {
    t = tempDb()
    let tries = 0
    const offline = createDinteroClient({
      accountId: 'T12345678',
      clientId: 'id',
      clientSecret: 'secret',
      transport: async (req) => {
        tries++
        throw new TransportError(
          `${req.method} ${new URL(req.url).pathname}: getaddrinfo ENOTFOUND`,
          false,
          false,
          'ENOTFOUND',
        )
      },
    })
    const id = createBatch(t.db, batchInput(invoices(3, 'NONET'), { rate: 50, concurrency: 4 }, 'test'))
    const { log, lines } = recordingLog()
    const started = Date.now()
    let firstNoticeAt = 0
    const { summary, updates } = await run(
      t.db,
      offline,
      id,
      {
        silenceLimitMs: 3000,
        updateIntervalMs: 50,
        onEvent: (u: RunUpdate) => {
          if (u.progress.notice && !firstNoticeAt) firstNoticeAt = Date.now()
        },
      },
      { log },
    )
    const notices = updates.map((u) => u.progress.notice).filter((n) => n)
    expect(notices[0]).toMatchObject({
      kind: 'unreachable',
      message_nb:
        'Får ikke kontakt med Dintero (checkout.dintero.com): navnet finnes ikke. Sjekk internettforbindelsen. Ingenting er sendt.',
      message:
        'Cannot reach Dintero (checkout.dintero.com): the name does not exist. Check the internet connection. Nothing has been sent.',
    })
    // At once: well before the silence limit, not after it.
    expect(firstNoticeAt - started).toBeLessThan(2500)
    expect(lines.some((l) => l.level === 'warn' && l.message.startsWith('Cannot reach Dintero'))).toBe(true)
    expect(lines.some((l) => l.level === 'error' && /No answer from Dintero/.test(l.message))).toBe(true)
    expect(summary).toMatchObject({
      state: 'paused',
      pauseReason: 'unreachable',
      exitCode: 3,
      counts: { pending: 3 },
    })
    // Backing off: a handful of tries in three seconds, not thousands.
    expect(tries).toBeLessThan(60)
    expect(updates.at(-1)?.progress.notice?.message).toMatch(
      /No answer from Dintero \(checkout\.dintero\.com\) for 2 minutes/,
    )

    // The connection is back: resume sends all three, once each.
    const client = clientFor(sb)
    t.db.prepare('UPDATE batches SET base_url = ? WHERE id = ?').run(sb.baseUrl, id)
    const again = await run(t.db, client, id)
    expect(again.summary).toMatchObject({ state: 'finished', exitCode: 0, counts: { authorized: 3 } })
    const txs = byReference(await sandboxTransactions(sb))
    for (const ref of ['NONET-00001', 'NONET-00002', 'NONET-00003']) expect(txs.get(ref)).toHaveLength(1)
  }, 30_000)

  it('names a refused connection in plain words', async () => {
    t = tempDb()
    const closed = await sandbox()
    const url = closed.baseUrl
    await closed.close()
    const client = createDinteroClient({
      baseUrl: url,
      accountId: 'T12345678',
      clientId: 'sandbox',
      clientSecret: 'sandbox',
    })
    const id = createBatch(
      t.db,
      batchInput(invoices(1, 'REFUSED'), { rate: 50 }, 'sandbox', { baseUrl: url }),
    )
    const { summary, updates } = await run(t.db, client, id, { silenceLimitMs: 1500, updateIntervalMs: 50 })
    const host = new URL(url).host
    expect(updates.find((u) => u.progress.notice)?.progress.notice?.message_nb).toBe(
      `Får ikke kontakt med Dintero (${host}): tilkoblingen ble avvist. Sjekk internettforbindelsen. Ingenting er sendt.`,
    )
    expect(summary).toMatchObject({ pauseReason: 'unreachable', exitCode: 3, counts: { pending: 1 } })
  }, 30_000)

  it('a wrong client secret stops at once (401 on sign-in), nothing sent', async () => {
    t = tempDb()
    const id = createBatch(
      t.db,
      batchInput(invoices(5, 'WRONG'), { rate: 50 }, 'sandbox', { baseUrl: sb.baseUrl }),
    )
    const started = Date.now()
    const { summary } = await run(t.db, clientFor(sb, { clientSecret: 'not-the-secret' }), id)
    expect(Date.now() - started).toBeLessThan(5000)
    expect(summary).toMatchObject({ state: 'paused', pauseReason: 'auth', exitCode: 2 })
    expect(byReference(await sandboxTransactions(sb)).has('WRONG-00001')).toBe(false)
  })
})
