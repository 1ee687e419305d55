/**
 * `npm run screenshots` (builds the renderer first): the README's pictures, taken at 1366×768 in
 * Chromium from the built renderer with the real main-process services and the built-in sandbox.
 * The data is a made-up sports club's November and December invoice files, written here, so every
 * run draws the same screens. Writes docs/screenshots/<name>.png.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Page } from 'playwright-core'
import type { BatchSummary } from '../../src/shared/contract'
import { sendMonthThroughApp } from '../integration/compare/seed'
import { launchChromium, startHarness } from './harness'
import { customerPays } from './run-helpers'

const OUT = resolve(import.meta.dirname, '../../docs/screenshots')
const VIEWPORT = { width: 1366, height: 768 }

const FIRST = [
  'Kari',
  'Ola',
  'Ingrid',
  'Lars',
  'Sofie',
  'Jonas',
  'Nora',
  'Emil',
  'Thea',
  'Henrik',
  'Maja',
  'Sander',
]
const LAST = ['Nordmann', 'Hansen', 'Berg', 'Johansen', 'Lie', 'Dahl', 'Haugen', 'Bakke', 'Solberg', 'Moen']
const STREETS = ['Storgata', 'Kirkeveien', 'Fjellveien', 'Havnegata', 'Skoleveien', 'Bjørkeveien']
const PLACES = [
  ['0151', 'Oslo'],
  ['5003', 'Bergen'],
  ['7030', 'Trondheim'],
  ['4006', 'Stavanger'],
  ['9008', 'Tromsø'],
]
const SPONSORS = [
  ['Fjordkraft Rør AS', '923609016', 'Hanne', 'Bakke'],
  ['Lie Regnskap AS', '986105174', 'Siri', 'Lie'],
  ['Bakeriet på Hjørnet AS', '974760673', 'Geir', 'Fjordvik'],
]

const HEAD =
  'Fakturanr;Kundetype;Forfall;Fornavn;Etternavn;Firma;Org.nr;E-post;Mobil;Adresse;Postnr;Poststed;Beskrivelse;Antall;Pris;MVA-sats'

/**
 * One month's file: members pay their fee (no VAT), sponsors their sponsorship and a kiosk line
 * (25 % and 15 %). December has two typing mistakes and a postal code that lost its leading zero.
 */
function monthCsv(month: 'nov' | 'des', members: number): string {
  const rows = [HEAD]
  const prefix = month === 'nov' ? '2026-11-' : '2026-12-'
  let n = 0
  const ref = () => `${prefix}${String(++n).padStart(3, '0')}`
  SPONSORS.forEach(([firm, org, first, last], i) => {
    const r = ref()
    const slug = firm.split(' ')[0].toLowerCase()
    rows.push(
      `${r};Bedrift;30;${first};${last};${firm};${org};faktura@${slug}.no;9${String(2200000 + i * 7919).padStart(7, '0')};Torggata ${i + 3};0181;Oslo;Sponsoravtale ${month === 'nov' ? 'november' : 'desember'};1;2 500,00;25`,
    )
    rows.push(`${r};;;;;;;;;;;;Kioskvarer;${4 + i};45,50;15`)
  })
  for (let i = 0; i < members; i++) {
    const first = FIRST[i % FIRST.length]
    const last = LAST[(i * 7) % LAST.length]
    const [zip, city] = PLACES[i % PLACES.length]
    let email = `${first}.${last}${i}@example.no`.toLowerCase().replace('ø', 'o')
    let description = `Medlemskontingent ${month === 'nov' ? 'november' : 'desember'}`
    let postal = zip
    if (month === 'des' && i === 4) email = email.replace('@', '(at)')
    if (month === 'des' && i === 9) description = ''
    if (month === 'des' && i === 1) postal = '151'
    const fee = i % 4 === 0 ? '450,00' : '650,00'
    rows.push(
      `${ref()};Privat;14;${first};${last};;;${email};4${String(1500000 + i * 104729).slice(-7)};${STREETS[i % STREETS.length]} ${i + 1};${postal};${city};${description};1;${fee};0`,
    )
  }
  return `${rows.join('\r\n')}\r\n`
}

async function shoot(page: Page, name: string, scheme: 'light' | 'dark') {
  await page.emulateMedia({ colorScheme: scheme })
  await page.waitForTimeout(200)
  await page.screenshot({ path: join(OUT, `${name}.png`) })
  console.log(`docs/screenshots/${name}.png`)
}

const dir = mkdtempSync(join(tmpdir(), 'kb-screenshots-'))
const november = join(dir, 'november.csv')
const december = join(dir, 'desember.csv')
writeFileSync(november, monthCsv('nov', 36))
writeFileSync(december, monthCsv('des', 38))
const harness = await startHarness({ dialogs: { openFile: [december] }, locale: 'en-GB' })
const browser = await launchChromium()
try {
  const call = async <T>(name: string, input: unknown): Promise<T> => {
    const r = await harness.dispatch(name as never, input as never)
    if (!r.ok) throw new Error(`${name}: ${r.error.message}`)
    return r.value as T
  }
  // November was sent a month ago; most members have paid, one paid half.
  const nov = await sendMonthThroughApp(call, november)
  for (let i = 1; i <= 30; i++) {
    const ref = `2026-11-${String(i).padStart(3, '0')}`
    await customerPays(harness, nov, ref, i === 7 ? 32500 : undefined)
  }
  await call<BatchSummary>('batches:refresh', { batchId: nov })

  const app = await harness.open(browser, { locale: 'en-GB', viewport: VIEWPORT })
  const { page } = app
  await page.getByTestId('start-screen').waitFor()
  await page.getByTestId('recent-batch').first().waitFor()
  await shoot(page, 'start-recent-light', 'light')

  await page.getByTestId('open-file').click()
  await page.getByTestId('read-screen').waitFor()
  await page.getByTestId('to-mapping').click()
  await page.getByTestId('mapping-table').waitFor()
  await shoot(page, 'map-light', 'light')

  await page.getByTestId('to-review').click()
  await page.getByTestId('review-grid').waitFor()
  await page.locator('.grid-cell.cell-error').first().waitFor()
  await page.getByTestId('review-grid').focus()
  await page.keyboard.press('F8')
  await page.getByTestId('row-issues').waitFor()
  await shoot(page, 'review-light', 'light')

  await page.getByTestId('to-plan').click()
  await page.getByTestId('plan-invoices').waitFor()
  await shoot(page, 'plan-light', 'light')
  await page.getByTestId('plan-send').click()
  await page.getByTestId('run-screen').waitFor()
  await page.locator('[data-testid=run-state][data-state=finished]').waitFor({ timeout: 60_000 })
  await page
    .locator('[data-testid=run-grid] [role=row][data-row="1"] [role=gridcell][aria-colindex="3"]')
    .click()
  await page.getByTestId('row-drawer').waitFor()
  await page.getByTestId('drawer-iban').waitFor()
  await shoot(page, 'run-dark', 'dark')

  await page.getByTestId('nav-history').click()
  await page.getByTestId(`open-batch-${nov}`).click()
  await page.getByTestId('batch-detail').waitFor()
  await page.locator('[data-testid=payment-chart] g[data-bucket=paid]').waitFor()
  await shoot(page, 'history-dark', 'dark')

  await page.getByTestId('nav-settings').click()
  await page.getByTestId('defaults-form').waitFor()
  await shoot(page, 'settings-light', 'light')
  app.assertClean()
} finally {
  await browser.close()
  await harness.close()
  rmSync(dir, { recursive: true, force: true })
}
