import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Harness, launchChromium, startHarness } from './harness'

const FIXTURE = join(import.meta.dirname, '../fixtures/import-ui/norsk-faktura.csv')

/**
 * English words from the UI's own English table that must not be seen (or heard: aria-label,
 * title, placeholder) once the language is Norwegian. Whole words, case-sensitive as the UI writes
 * them, so data from the Norwegian fixture does not trip them. Lower-case "amount" is left out: the Map
 * screen shows the canonical field keys (amount, vat, …) as the template spells them, on purpose.
 */
const ENGLISH =
  /\b(Invoices?|invoices?|Customer|customer|Cancel|Next|Back|Error|Warning|Loading|Settings|History|Rows?|rows?|Columns?|column|Field|Due date|Open file|Sandbox|Delimiter|Encoding|Header row|Preview|Mapping|Confirm|Duplicates?|Fixed value|problems|left out|Close|Language|Amount|Total|VAT|Save|Test connection|Reference|failed|done|of|pay|lookup)\b/

/** The same the other way: bokmål UI words (none of them in the fixture's data) must not show in English. */
const NORWEGIAN =
  /\b(Avbryt|Lagre|Tilbake|Neste|Innstillinger|Historikk|Sandkasse|Forfallsdato|Beløp|Kolonner?|Skilletegn|Tegnsett|Forhåndsvisning|Bekreft|Lukk|Språk|Laster|feilet|ferdig|Advarsel|rader|[Ff]aktura|Kunde|mva|Oppslag)\b/

const LANGS = [
  {
    name: 'bokmål',
    locale: 'nb-NO',
    foreign: ENGLISH,
    badge: 'Sandkasse',
    bulk: 'Handlinger for fakturaene',
    voidOne: 'Kanseller 1 faktura',
    attemptKind: 'Sending',
    dueDate: /Forfallsdato\s*\d{2}\.\d{2}\.\d{4}/,
    attemptAt: /\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}:\d{2}/,
  },
  {
    name: 'English',
    locale: 'en-GB',
    foreign: NORWEGIAN,
    badge: 'Sandbox',
    bulk: 'Invoice actions',
    voidOne: 'Void 1 invoice',
    attemptKind: 'Send',
    dueDate: /Due date\s*\d{2}\/\d{2}\/\d{4}/,
    attemptAt: /\d{2}\/\d{2}\/\d{4}, \d{2}:\d{2}:\d{2}/,
  },
] as const

/** Visible text plus the text a screen reader or tooltip gives: what the user meets on this screen. */
async function userText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const d = (
      globalThis as unknown as {
        document: {
          body: { innerText: string }
          querySelectorAll(s: string): ArrayLike<{ getAttribute(n: string): string | null }>
        }
      }
    ).document
    const attrs: string[] = []
    const els = d.querySelectorAll('[aria-label], [title], [placeholder], [alt]')
    for (let i = 0; i < els.length; i++) {
      for (const n of ['aria-label', 'title', 'placeholder', 'alt']) {
        const v = els[i].getAttribute(n)
        if (v) attrs.push(v)
      }
    }
    // biome-ignore lint/performance/useDomNodeTextContent: only rendered (visible) text counts, one line per block
    return `${d.body.innerText}\n${attrs.join('\n')}`
  })
}

const focusedTestId = (page: Page) =>
  page.evaluate(
    () =>
      (
        globalThis as unknown as {
          document: { activeElement: { getAttribute(n: string): string | null } | null }
        }
      ).document.activeElement?.getAttribute('data-testid') ?? null,
  )

/**
 * Tabs through the screen `n` times: every stop must show a focus ring (no invisible focus) and
 * focus must keep moving (no trap). Returns the focused stops' descriptions.
 */
async function expectVisibleFocusOnTab(page: Page, n: number, screen: string) {
  const seen: string[] = []
  const invisible: string[] = []
  for (let i = 0; i < n; i++) {
    await page.keyboard.press('Tab')
    const f = await page.evaluate(() => {
      type El = { tagName: string; getAttribute(n: string): string | null; textContent: string | null }
      const w = globalThis as unknown as {
        document: { activeElement: El | null; body: El }
        getComputedStyle(e: El): { outlineStyle: string; outlineWidth: string; boxShadow: string }
      }
      const el = w.document.activeElement
      if (!el || el === w.document.body) return null
      const cs = w.getComputedStyle(el)
      const ring = (cs.outlineStyle !== 'none' && cs.outlineWidth !== '0px') || cs.boxShadow !== 'none'
      const what = `${el.tagName.toLowerCase()}[${el.getAttribute('data-testid') ?? el.getAttribute('aria-label') ?? (el.textContent ?? '').trim().slice(0, 30)}]`
      return { what, ring }
    })
    if (!f) continue
    seen.push(f.what)
    if (!f.ring) invisible.push(f.what)
  }
  expect(invisible, `focus without a visible ring on ${screen}: ${seen.join(' ')}`).toEqual([])
  expect(new Set(seen).size, `focus stuck on ${screen}: ${seen.join(' ')}`).toBeGreaterThan(
    Math.min(3, n / 2),
  )
}

async function expectNoForeign(page: Page, foreign: RegExp, screen: string) {
  const lines = (await userText(page)).split('\n').filter((l) => foreign.test(l))
  expect(lines, `other language on ${screen}`).toEqual([])
}

describe.each(LANGS)('$name UI: no other language left on any screen (Chromium, keyboard only)', (L) => {
  const expectNoEnglish = (page: Page, screen: string) => expectNoForeign(page, L.foreign, screen)
  let harness: Harness
  let browser: Browser
  let dir: string

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kb-e2e-nb-'))
    const file = join(dir, 'fakturaer-mai.csv')
    copyFileSync(FIXTURE, file)
    harness = await startHarness({ dialogs: { openFile: [file] }, locale: L.locale })
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await harness?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('walks Start → Read → Map → Review → Plan → Run, History and Settings', async () => {
    const app = await harness.open(browser, { locale: L.locale, viewport: { width: 1360, height: 900 } })
    const { page } = app
    await page.getByTestId('start-screen').waitFor()
    await expect.poll(() => page.getByTestId('env-badge').textContent()).toContain(L.badge)
    await expectNoEnglish(page, 'Start')
    await expectVisibleFocusOnTab(page, 25, 'Start')

    await page.keyboard.press('Control+o')
    await page.getByTestId('read-preview').waitFor()
    await expectNoEnglish(page, 'Read')
    await expectVisibleFocusOnTab(page, 25, 'Read')

    await page.getByTestId('to-mapping').focus()
    await page.keyboard.press('Enter')
    await page.getByTestId('mapping-table').waitFor()
    await expectNoEnglish(page, 'Map')
    await expectVisibleFocusOnTab(page, 25, 'Map')

    await page.getByTestId('to-review').focus()
    await page.keyboard.press('Enter')
    await page.getByTestId('review-grid').waitFor()
    await page.locator('.grid-cell.cell-error').first().waitFor()
    await page.keyboard.press('F8')
    await page.getByTestId('row-issues').waitFor()
    await expectNoEnglish(page, 'Review')
    await expectVisibleFocusOnTab(page, 25, 'Review')

    await page.getByTestId('to-plan').focus()
    await page.keyboard.press('Enter')
    await page.getByTestId('plan-screen').waitFor()
    await page.getByTestId('plan-invoices').waitFor()
    await expectNoEnglish(page, 'Plan')
    await expectVisibleFocusOnTab(page, 25, 'Plan')

    await page.getByTestId('plan-send').focus()
    await page.keyboard.press('Enter')
    await page.getByTestId('run-screen').waitFor()
    await page.locator('.run-screen [role="grid"] .grid-row').first().waitFor()
    await expectNoEnglish(page, 'Run')
    await expectVisibleFocusOnTab(page, 25, 'Run')

    // The run grid by keyboard: Enter opens the row drawer, Escape closes it and focus is back on the grid.
    await expect
      .poll(() => page.locator('.state-chip[data-state="authorized"]').count(), { timeout: 15_000 })
      .toBe(3)
    await page.getByTestId('run-grid').focus()
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowUp')
    await page.keyboard.press('Enter')
    await page.getByTestId('drawer-invoice-number').waitFor()
    expect(await focusedTestId(page)).toBe('row-drawer')
    await expectNoEnglish(page, 'Run drawer')
    // Attempts say what they were in words, with a Norwegian date; the due date reads dd.mm.yyyy.
    const attempts = (await page.getByTestId('drawer-attempts').textContent()) ?? ''
    expect(attempts).toContain(L.attemptKind)
    expect(attempts).toMatch(L.attemptAt)
    expect(await page.getByTestId('row-drawer').textContent()).toMatch(L.dueDate)
    await page.keyboard.press('Escape')
    await page.getByTestId('row-drawer').waitFor({ state: 'detached' })
    expect(await focusedTestId(page)).toBe('run-grid')

    // Space selects the active row; the void confirmation opens from the keyboard, speaks bokmål,
    // and Escape closes it with focus back on the button that opened it.
    await page.keyboard.press('Space')
    await expect.poll(() => page.locator('.grid-row-selected').count()).toBe(1)
    // The bulk buttons are a named group of ordinary Tab stops (no toolbar that would promise arrow keys).
    expect(await page.getByRole('group', { name: L.bulk }).count()).toBe(1)
    expect(await page.getByRole('toolbar').count()).toBe(0)
    await page.getByTestId('void-selected').focus()
    await page.keyboard.press('Enter')
    await page.getByTestId('action-summary').waitFor()
    await expectNoEnglish(page, 'Void dialog')
    // One invoice is one: the button says so in the singular.
    expect(await page.getByTestId('action-confirm').textContent()).toBe(L.voidOne)
    // App shortcuts do not act behind the open confirmation.
    await page.keyboard.press('Alt+2')
    await page.keyboard.press('Control+o')
    expect(await page.getByTestId('run-screen').count()).toBe(1)
    expect((harness.dialogs?.calls ?? []).filter((c) => c.kind === 'openFile')).toHaveLength(1)
    await page.keyboard.press('Escape')
    await page.getByTestId('action-summary').waitFor({ state: 'detached' })
    expect(await focusedTestId(page)).toBe('void-selected')

    for (const screen of ['history', 'settings'] as const) {
      await page.getByTestId(`nav-${screen}`).focus()
      await page.keyboard.press('Enter')
      await page.getByTestId(`${screen}-screen`).waitFor()
      await page.waitForLoadState('networkidle')
      // Navigation puts focus on the new screen's heading (after a frame), where Tab starts from.
      await expect
        .poll(() =>
          page.evaluate(
            () =>
              (globalThis as unknown as { document: { activeElement: { tagName: string } | null } }).document
                .activeElement?.tagName,
          ),
        )
        .toBe('H1')
      await expectNoEnglish(page, screen)
      await expectVisibleFocusOnTab(page, 25, screen)
      if (screen === 'history') {
        // Opening a batch by keyboard puts focus on its details, so Tab reaches its actions next.
        await page.locator('[data-testid^="open-batch-"]').first().focus()
        await page.keyboard.press('Enter')
        await page.getByTestId('batch-detail').waitFor()
        expect(await focusedTestId(page)).toBe('batch-detail-title')
        await page.keyboard.press('Tab')
        expect(await focusedTestId(page)).toBe('open-run')
        await expectNoEnglish(page, 'history detail')
      }
    }
    app.assertClean()
  })
})
