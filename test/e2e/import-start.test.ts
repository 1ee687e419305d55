import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Harness, launchChromium, startHarness } from './harness'

const FIXTURE = join(import.meta.dirname, '../fixtures/import-ui/norsk-faktura.csv')
const XLSX = join(import.meta.dirname, '../fixtures/import/office/fakturaer.xlsx')

describe('Start screen, shell and unsaved work in Chromium', () => {
  let harness: Harness
  let browser: Browser
  let dir: string
  let file: string
  let template: string
  let notAWorkbook: string

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kb-e2e-start-'))
    file = join(dir, 'april.csv')
    template = join(dir, 'mal.xlsx')
    copyFileSync(FIXTURE, file)
    notAWorkbook = join(dir, 'liste.xlsx')
    copyFileSync(FIXTURE, notAWorkbook)
    harness = await startHarness({
      dialogs: { openFile: [file, XLSX, notAWorkbook], saveFile: [template] },
      locale: 'nb-NO',
    })
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await harness?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('follows the OS language, switches and remembers it, and documents its shortcuts', async () => {
    const app = await harness.open(browser, { locale: 'nb-NO' })
    const { page } = app
    await page.getByRole('heading', { name: 'Ny fakturakjøring' }).waitFor()
    expect(await page.getByTestId('env-badge').textContent()).toBe('Sandkasse — ingen ekte fakturaer sendes')

    await page.getByTestId('language-select').selectOption('en')
    await page.getByRole('heading', { name: 'New invoice run' }).waitFor()
    await page.reload()
    await page.getByRole('heading', { name: 'New invoice run' }).waitFor()

    // F1 opens the shortcut list; Escape closes it and gives focus back.
    await page.keyboard.press('F1')
    const dialog = page.getByTestId('shortcuts-dialog')
    await dialog.waitFor()
    expect(await dialog.textContent()).toContain('Ctrl+O')
    // Focus stays inside the dialog however often Tab is pressed.
    const focusInDialog = () =>
      page.evaluate(() => {
        const d = (
          globalThis as unknown as { document: { activeElement: { closest(s: string): unknown } | null } }
        ).document
        return d.activeElement?.closest('[data-testid="shortcuts-dialog"]') != null
      })
    for (let n = 0; n < 6; n++) {
      await page.keyboard.press(n < 3 ? 'Tab' : 'Shift+Tab')
      expect(await focusInDialog()).toBe(true)
    }
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })

    await page.getByTestId('language-select').selectOption('nb')
    await page.getByRole('heading', { name: 'Ny fakturakjøring' }).waitFor()
    app.assertClean()
    // Menu events go to every open window; later tests want theirs alone.
    await page.close()
  })

  it('saves the template where the save dialog says', async () => {
    const app = await harness.open(browser, { locale: 'nb-NO' })
    await app.page.getByTestId('template-xlsx').click()
    await app.page.getByText(`Malen er lagret: ${template}`).waitFor()
    expect(existsSync(template)).toBe(true)
    expect(readFileSync(template).subarray(0, 2).toString()).toBe('PK')
    app.assertClean()
    await app.page.close()
  })

  it('opens from the native menu, keeps the import as a draft when the window closes, and offers it again', async () => {
    const first = await harness.open(browser, { locale: 'nb-NO' })
    await first.page.getByTestId('start-screen').waitFor()
    harness.emit('app:menu', { action: 'open-file' })
    await first.page.getByTestId('read-screen').waitFor()
    await first.page.getByTestId('to-mapping').click()
    await first.page.getByTestId('to-review').click()
    await first.page.getByTestId('review-grid').waitFor()
    await first.page.close()

    const second = await harness.open(browser, { locale: 'nb-NO' })
    const { page } = second
    const draft = page.getByTestId('draft')
    await draft.waitFor()
    expect(await draft.textContent()).toContain('april.csv')
    expect(await draft.textContent()).toContain('Gjennomgå')
    mkdirSync(join(import.meta.dirname, '../../test-output/e2e/screens'), { recursive: true })
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme })
      await second.screenshot(`screens/start-drafts-${scheme}`)
    }
    await draft.getByRole('button', { name: 'Fortsett' }).click()
    await page.getByTestId('review-grid').waitFor()
    await expect.poll(async () => page.getByTestId('totals-invoices').textContent()).toBe('3')

    await page.getByTestId('nav-start').click()
    await page.getByTestId('draft').getByRole('button', { name: 'Forkast' }).click()
    await page.getByTestId('draft').waitFor({ state: 'detached' })
    second.assertClean()
  })

  it('opens a workbook: lists its sheets and previews the chosen one', async () => {
    const app = await harness.open(browser, { locale: 'nb-NO' })
    const { page } = app
    await page.getByTestId('open-file').click()
    await page.getByTestId('read-screen').waitFor()
    const sheet = page.getByTestId('read-sheet')
    await sheet.waitFor()
    expect(await sheet.locator('option').count()).toBeGreaterThan(0)
    expect(await page.getByTestId('read-format').textContent()).toBe('XLSX')
    expect(await page.getByTestId('read-preview').locator('tbody tr').count()).toBeGreaterThan(0)
    // A CSV-only setting does not show for a workbook.
    expect(await page.getByTestId('read-delimiter').count()).toBe(0)

    // Discarding asks first, then leaves no draft behind.
    await page.getByTestId('discard-import').click()
    await page.getByTestId('discard-dialog').waitFor()
    await page.getByTestId('discard-confirm').click()
    await page.getByTestId('start-screen').waitFor()
    expect(await page.getByTestId('draft').count()).toBe(0)
    app.assertClean()
    await page.close()
  })

  it('refuses a file that is not what its name says, in one sentence, and stays on Start', async () => {
    const app = await harness.open(browser, { locale: 'nb-NO' })
    const { page } = app
    await page.getByTestId('open-file').click()
    const alert = page.getByTestId('toasts').getByRole('alert')
    await alert.waitFor()
    expect(await alert.textContent()).toContain('liste.xlsx')
    expect(await page.getByTestId('start-screen').isVisible()).toBe(true)
    app.assertClean()
    await page.close()
  })

  it('opens a spreadsheet dropped on the Start screen', async () => {
    const app = await harness.open(browser, { locale: 'nb-NO' })
    const { page } = app
    await page.getByTestId('drop-zone').waitFor()
    const drop = (name: string) =>
      page.evaluate((fileName) => {
        const w = globalThis as unknown as {
          DataTransfer: new () => { items: { add(f: unknown): void } }
          File: new (parts: string[], name: string) => unknown
          DragEvent: new (type: string, init: object) => unknown
          document: { querySelector(s: string): { dispatchEvent(e: unknown): void } }
        }
        const data = new w.DataTransfer()
        data.items.add(new w.File(['x'], fileName))
        const zone = w.document.querySelector('[data-testid="drop-zone"]')
        zone.dispatchEvent(
          new w.DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }),
        )
        zone.dispatchEvent(new w.DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }))
      }, name)
    // A file that is not on disk (dragged from a mail attachment preview, say) is explained, not opened.
    await drop('ukjent.csv')
    await page.getByTestId('toasts').getByRole('alert').waitFor()
    expect(await page.getByTestId('start-screen').isVisible()).toBe(true)

    await page.evaluate((path) => {
      ;(globalThis as unknown as { __dropPaths: Record<string, string> }).__dropPaths = { 'april.csv': path }
    }, file)
    await drop('april.csv')
    await page.getByTestId('read-screen').waitFor()
    app.assertClean()
    await page.close()
  })
})
