import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect } from 'vitest'
import { type Harness, launchChromium, startHarness } from './harness'

/**
 * Shared helpers for the run, history, settings and flow tests: the raw WebSocket frames the
 * page received (everything main sent it), and a walk over the page's React state.
 */

/** Starts collecting every frame the page receives from the bridge. Call before opening the app. */
export function recordFrames(page: Page): { received: string[]; sent: string[] } {
  const log = { received: [] as string[], sent: [] as string[] }
  page.on('websocket', (ws) => {
    ws.on('framereceived', (f) =>
      log.received.push(typeof f.payload === 'string' ? f.payload : f.payload.toString()),
    )
    ws.on('framesent', (f) => log.sent.push(typeof f.payload === 'string' ? f.payload : f.payload.toString()))
  })
  return log
}

/**
 * Every string reachable from the page's globals, storage and React state (props and hook state
 * of every fiber), so a test can say a value is nowhere in the renderer.
 */
export function pageStrings(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = []
    const seen = new WeakSet<object>()
    const visit = (v: unknown, depth: number): void => {
      if (typeof v === 'string') {
        out.push(v)
        return
      }
      if (!v || typeof v !== 'object' || depth > 8) return
      if (seen.has(v as object)) return
      seen.add(v as object)
      // DOM nodes are covered by the page's HTML and input values; skip them here.
      if (typeof (v as { nodeType?: unknown }).nodeType === 'number') return
      if (Array.isArray(v)) {
        for (const x of v) visit(x, depth + 1)
        return
      }
      for (const k of Object.keys(v as object)) {
        if (k === '_owner' || k === 'return' || k === 'alternate' || k === 'stateNode') continue
        try {
          visit((v as Record<string, unknown>)[k], depth + 1)
        } catch {
          // Getters that throw (cross-origin, detached) hold nothing of ours.
        }
      }
    }
    const g = globalThis as unknown as Record<string, unknown> & {
      localStorage: { length: number; key(i: number): string | null; getItem(k: string): string | null }
      sessionStorage: { length: number; key(i: number): string | null; getItem(k: string): string | null }
      document: {
        getElementById(id: string): object | null
        querySelectorAll(s: string): ArrayLike<{ value: string }>
      }
    }
    for (const k of Object.keys(g)) visit(g[k], 0)
    for (const s of [g.localStorage, g.sessionStorage]) {
      for (let i = 0; i < s.length; i++) {
        const key = s.key(i)
        if (key) out.push(key, s.getItem(key) ?? '')
      }
    }
    for (const input of Array.from(g.document.querySelectorAll('input, textarea, select')))
      out.push(input.value)
    const root = g.document.getElementById('root') as Record<string, unknown> | null
    const containerKey = root && Object.keys(root).find((k) => k.startsWith('__reactContainer$'))
    type Fiber = { child?: Fiber; sibling?: Fiber; memoizedProps?: unknown; memoizedState?: unknown }
    const stack: Fiber[] = containerKey ? [root[containerKey] as Fiber] : []
    while (stack.length) {
      const f = stack.pop() as Fiber
      visit(f.memoizedProps, 0)
      let hook = f.memoizedState as
        | { memoizedState?: unknown; next?: unknown; queue?: unknown }
        | null
        | undefined
      for (let i = 0; hook && typeof hook === 'object' && i < 200; i++) {
        visit(hook.memoizedState, 0)
        hook = hook.next as typeof hook
      }
      if (f.child) stack.push(f.child)
      if (f.sibling) stack.push(f.sibling)
    }
    return out
  })
}

import type { Db } from '../../src/main/db/open'
import { getInvoiceByReference } from '../../src/main/journal/reads'
import { createBatch } from '../../src/main/journal/freeze'
import type { BatchSettings } from '../../src/main/journal/types'
import type { BatchInvoiceInput } from '../../src/main/journal/freeze'
import { batchInput, invoices } from '../support/journal-fixtures'

/**
 * A planned sandbox batch straight in the journal (what the Plan screen's confirm makes):
 * `n` valid invoices, and `bad` of them with a phone number the sandbox refuses (→ failed).
 */
export function seedBatch(
  db: Db,
  n: number,
  options: {
    bad?: number[]
    merchant?: number[]
    settings?: Partial<BatchSettings>
    prefix?: string
    /** Last changes to the invoices before they are journalled (e.g. a very long customer name). */
    edit?: (list: BatchInvoiceInput[]) => void
  } = {},
): string {
  const list: BatchInvoiceInput[] = invoices(n, options.prefix ?? 'INV')
  options.edit?.(list)
  for (const i of options.bad ?? [])
    list[i].request.session.order.billing_address.phone_number = 'not-a-phone'
  for (const i of options.merchant ?? []) {
    list[i].request.payment.invoice_channel = 'merchant'
    list[i].invoice_channel = 'merchant'
  }
  return createBatch(
    db,
    batchInput(list, { rate: 400, concurrency: 16, ...options.settings }, 'sandbox', {
      baseUrl: 'http://127.0.0.1:9',
      // Planned a while ago: the run screen waits for its Send instead of starting by itself.
      now: new Date(Date.now() - 10 * 60_000),
    }),
  )
}

/** Parses the bridge's event frames for one channel. */
export function eventsIn<T>(frames: readonly string[], channel: string): T[] {
  const out: T[] = []
  for (const f of frames) {
    if (!f.includes(channel)) continue
    const m = JSON.parse(f) as { kind?: string; channel?: string; payload?: T }
    if (m.kind === 'event' && m.channel === channel && m.payload !== undefined) out.push(m.payload)
  }
  return out
}

/**
 * A customer pays an invoice (in full unless `amount` øre is given), through the sandbox's
 * customer-pays control found from the invoice's own sandbox link. Returns the amount paid.
 */
export async function customerPays(
  harness: Harness,
  batchId: string,
  ref: string,
  amount?: number,
): Promise<number> {
  const inv = getInvoiceByReference(harness.db, batchId, ref)
  if (!inv?.invoice_url || !inv.transaction_id) throw new Error(`${ref} was not invoiced in ${batchId}`)
  const paid = amount ?? inv.amount
  const base = new URL(inv.invoice_url).origin
  const res = await fetch(`${base}/__sandbox/transactions/${encodeURIComponent(inv.transaction_id)}/pay`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ amount: paid }),
  })
  if (res.status !== 200) throw new Error(`the sandbox refused the payment of ${ref}: HTTP ${res.status}`)
  return paid
}

/** `expect.poll` with room for a busy 2-core CI box (vitest's default gives up after 1 s). */
export function eventually<T>(fn: () => T | Promise<T>, options: { timeout?: number } = {}) {
  return expect.poll(fn, { timeout: 15_000, interval: 100, ...options })
}

/**
 * The usual setup of a describe block: an en-GB harness and one Chromium, started in beforeAll and
 * handed to `use` (which may seed more), both closed in afterAll.
 */
export function withHarness(use: (harness: Harness, browser: Browser) => void): void {
  let harness: Harness | undefined
  let browser: Browser | undefined
  beforeAll(async () => {
    harness = await startHarness({ locale: 'en-GB' })
    browser = await launchChromium()
    use(harness, browser)
  })
  afterAll(async () => {
    await browser?.close()
    await harness?.close()
  })
}

/**
 * A describe block around one file the user opens: `write` makes it in a fresh folder (and returns
 * its path), the harness in `locale` hands it to the open-file dialog; everything is removed in
 * afterAll.
 */
export function withFileHarness(
  locale: string,
  write: (dir: string) => string,
  use: (harness: Harness, browser: Browser) => void,
): void {
  let harness: Harness | undefined
  let browser: Browser | undefined
  let dir: string | undefined
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kb-e2e-file-'))
    harness = await startHarness({ dialogs: { openFile: [write(dir)] }, locale })
    browser = await launchChromium()
    use(harness, browser)
  })
  afterAll(async () => {
    await browser?.close()
    await harness?.close()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })
}
