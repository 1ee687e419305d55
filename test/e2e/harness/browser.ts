import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core'

export const SCREENSHOT_DIR = resolve(import.meta.dirname, '../../../test-output/e2e')
export const CHROMIUM_PATH = process.env.KRAVIA_CHROMIUM ?? '/usr/bin/chromium'

/**
 * Debian's Chromium, headless, quiet (no background network, updates or sync). Playwright's
 * launch() gives every browser a fresh temporary profile (--user-data-dir) and deletes it on
 * close; it refuses an explicit --user-data-dir argument, so none is passed here.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-quic',
      '--no-first-run',
      '--disable-sync',
    ],
  })
}

/** Everything that went wrong in the page; a clean page has all four empty. */
export interface PageProblems {
  consoleErrors: string[]
  pageErrors: string[]
  cspViolations: string[]
  failedRequests: string[]
}

export interface OpenedPage {
  page: Page
  context: BrowserContext
  problems: PageProblems
  /** Throws with every collected problem listed, if there is any. */
  assertClean(): void
  /** Writes test-output/e2e/<name>.png (full page) and returns the path. */
  screenshot(name: string): Promise<string>
}

export interface PageOptions {
  colorScheme?: 'light' | 'dark'
  locale?: string
  viewport?: { width: number; height: number }
}

export async function openPage(
  browser: Browser,
  url: string,
  options: PageOptions = {},
): Promise<OpenedPage> {
  const context = await browser.newContext({
    colorScheme: options.colorScheme ?? 'light',
    locale: options.locale ?? 'nb-NO',
    viewport: options.viewport ?? { width: 1280, height: 820 },
  })
  // Fail fast: a UI that has not appeared in 10 s is broken, and the suite must stay quick.
  context.setDefaultTimeout(10_000)
  const page = await context.newPage()
  const problems: PageProblems = { consoleErrors: [], pageErrors: [], cspViolations: [], failedRequests: [] }
  page.on('console', (msg) => {
    const text = msg.text()
    // Chromium reports CSP violations as console errors ("Refused to … Content Security Policy").
    if (/Content Security Policy/i.test(text)) problems.cspViolations.push(text)
    else if (msg.type() === 'error') problems.consoleErrors.push(text)
  })
  page.on('pageerror', (err) => problems.pageErrors.push(err.stack ?? err.message))
  page.on('requestfailed', (req) => problems.failedRequests.push(`${req.url()}: ${req.failure()?.errorText}`))
  page.on('response', (res) => {
    if (res.status() >= 400) problems.failedRequests.push(`${res.url()}: HTTP ${res.status()}`)
  })
  await page.goto(url)
  return {
    page,
    context,
    problems,
    assertClean() {
      const lines = Object.entries(problems).flatMap(([kind, list]) =>
        list.map((l: string) => `${kind}: ${l}`),
      )
      if (lines.length > 0) throw new Error(`The page reported problems:\n${lines.join('\n')}`)
    },
    async screenshot(name) {
      mkdirSync(SCREENSHOT_DIR, { recursive: true })
      const path = join(SCREENSHOT_DIR, `${name}.png`)
      await page.screenshot({ path, fullPage: true })
      return path
    },
  }
}
