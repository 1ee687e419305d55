import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openAppDb } from '../../../src/main/db/store'
import { FakeDialogs } from '../../support/platform-fakes'
import type {
  ImportSummary,
  MappingView,
  PlanView,
  ReadView,
  ReviewRowView,
} from '../../../src/shared/contract'
import { startServices } from './services'

const FIXTURE = join(import.meta.dirname, '../../fixtures/import-ui/norsk-faktura.csv')
const dirs: string[] = []
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
})

function readBatchSettings(dataDir: string, batchId: string): unknown {
  const db = openAppDb(dataDir)
  try {
    return (
      db.prepare('SELECT settings_json FROM batches WHERE id = ?').get(batchId) as { settings_json: string }
    ).settings_json
  } finally {
    db.close()
  }
}

describe('import session (open, read, map, review and plan, on real files and SQLite)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kb-import-ui-'))
  dirs.push(dataDir)
  const file = join(dataDir, 'mars.csv')
  copyFileSync(FIXTURE, file)

  it('reads, maps, validates, fixes a cell inline, plans and survives a restart as a draft', async () => {
    const app = startServices(dataDir, new FakeDialogs({ openFile: [file] }))
    const opened = await app.call<{ sessionId: string; step: string }>('import:openDialog', {})
    expect(opened.step).toBe('read')
    const sessionId = opened.sessionId

    const read = await app.call<ReadView>('import:read', { sessionId, overrides: {} })
    expect(read.delimiter).toBe(';')
    expect(read.encoding).toMatch(/^utf-8/)
    expect(read.headers[0]).toBe('Fakturanr')
    expect(read.preview[0].cells[5]).toBe('Fjordkraft Rør AS')

    const mapping = await app.call<MappingView>('import:mapping', { sessionId })
    const col = (f: string) => mapping.fields.find((x) => x.field === f)?.column
    expect(col('merchant_reference')).toBe('Fakturanr')
    expect(col('email')).toBe('E-post')
    expect(col('unit_price')).toBe('Pris')
    expect(col('vat')).toBe('MVA-sats')
    expect(mapping.remembered).toBe(false)
    expect(app.events.some((e) => e.name === 'import:progress')).toBe(true)

    const summary = await app.call<ImportSummary>('import:validate', { sessionId })
    expect(summary.invoices).toBe(3)
    expect(summary.invalidInvoices).toBe(2)
    expect(summary.totalAmount).toBe(289950 + 85000 + 375500)

    const page = await app.call<{ total: number; rows: ReviewRowView[] }>('import:rows', {
      sessionId,
      problemsOnly: true,
      offset: 0,
      limit: 100,
    })
    const all = await app.call<{ rows: ReviewRowView[] }>('import:rows', {
      sessionId,
      problemsOnly: false,
      offset: 0,
      limit: 100,
    })
    expect(all.rows.map((r) => r.invoiceTotal)).toEqual([289950, null, 85000, null, null, 375500, null])
    const bad = page.rows.find((r) => r.line === 5)
    expect(bad?.status).toBe('error')
    expect(bad?.issues.find((i) => i.field === 'email')?.message_nb).toBeTruthy()
    expect(page.rows.find((r) => r.line === 6)?.issues.some((i) => i.field === 'description')).toBe(true)

    const next = await app.call<{ index: number | null }>('import:findProblem', {
      sessionId,
      problemsOnly: false,
      from: -1,
      direction: 1,
    })
    expect(next.index).not.toBeNull()

    const edited = await app.call<{ rows: ReviewRowView[]; summary: ImportSummary }>('import:editCell', {
      sessionId,
      line: 5,
      field: 'email',
      value: 'eva.berg@example.no',
    })
    expect(edited.rows.find((r) => r.line === 5)?.status).not.toBe('error')
    expect(edited.summary.invoices).toBe(4)
    expect(edited.summary.totalAmount).toBe(289950 + 85000 + 120000 + 375500)

    const plan = await app.call<PlanView>('plan:get', { sessionId })
    expect(plan.environment).toBe('sandbox')
    expect(plan.invoices).toBe(4)
    expect(plan.leftOut.map((l) => l.reference)).toEqual(['1004'])
    expect(plan.confirmWord).toBeNull()
    await app.close()

    // The window closed: the draft is offered again, with the fix still in it.
    const again = startServices(dataDir)
    const drafts = await again.call<{ sessionId: string; step: string }[]>('drafts:list', {})
    expect(drafts.map((d) => d.sessionId)).toContain(sessionId)
    expect(drafts.find((d) => d.sessionId === sessionId)?.step).toBe('plan')
    const resumed = await again.call<ImportSummary>('import:validate', { sessionId })
    expect(resumed.invoices).toBe(4)
    expect(readFileSync(file, 'utf8')).toContain('eva.berg(at)example.no') // the user's file is never changed

    const { batchId } = await again.call<{ batchId: string }>('plan:confirm', { sessionId, canary: 2 })
    expect(JSON.parse(String(readBatchSettings(dataDir, batchId)))).toMatchObject({ canary: 2 })
    expect(batchId).toMatch(/^\d{6}-\d{6}/)
    const batch = await again.call<{ total: number; state: string }>('batches:get', { batchId })
    expect(batch.total).toBe(4)
    expect(await again.call<unknown[]>('drafts:list', {})).toEqual([])
    await again.close()
  })

  it('remembers the mapping for the next file with the same columns', async () => {
    const app = startServices(dataDir, new FakeDialogs({ openFile: [file] }))
    const opened = await app.call<{ sessionId: string }>('import:openDialog', {})
    const mapping = await app.call<MappingView>('import:mapping', { sessionId: opened.sessionId })
    expect(mapping.remembered).toBe(true)
    expect(mapping.drift).toBeNull()

    // Next month the export renamed a column and added one: the drift is pointed out.
    const changed = join(dataDir, 'april-changed.csv')
    const text = readFileSync(file, 'utf8')
      .replace('E-post;', 'Epostadresse;')
      .replace('MVA-sats', 'MVA-sats;Avdeling')
    writeFileSync(changed, text)
    const next = await app.call<{ sessionId: string }>('import:openPath', { path: changed })
    const drifted = await app.call<MappingView>('import:mapping', { sessionId: next.sessionId })
    expect(drifted.remembered).toBe(true)
    expect(drifted.drift?.added).toContain('Avdeling')
    expect(drifted.drift?.renamed).toContainEqual({ from: 'E-post', to: 'Epostadresse' })
    expect(drifted.fields.find((f) => f.field === 'email')?.column).toBe('Epostadresse')
    await app.close()
  })

  it('asks for the account id typed out before sending from production', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-import-prod-'))
    dirs.push(dir)
    const prodFile = join(dir, 'prod.csv')
    copyFileSync(FIXTURE, prodFile)
    const app = startServices(dir)
    await app.call('settings:saveCredentials', {
      environment: 'production',
      accountId: 'P12345678',
      clientId: 'id',
      clientSecret: 'secret',
    })
    await app.call('settings:setEnvironment', { environment: 'production' })
    const { sessionId } = await app.call<{ sessionId: string }>('import:openPath', { path: prodFile })
    const plan = await app.call<PlanView>('plan:get', { sessionId })
    expect(plan.environment).toBe('production')
    expect(plan.account).toBe('P12345678')
    expect(plan.confirmWord).toBe('P12345678')
    expect(await app.dispatch('plan:confirm', { sessionId })).toMatchObject({
      ok: false,
      error: { code: 'confirmation_required' },
    })
    expect(await app.dispatch('plan:confirm', { sessionId, confirmation: 'P1234567' })).toMatchObject({
      ok: false,
    })
    const { batchId } = await app.call<{ batchId: string }>('plan:confirm', {
      sessionId,
      confirmation: ' p12345678 ',
    })
    expect(await app.call('batches:get', { batchId })).toMatchObject({ environment: 'production', total: 3 })
    await app.close()
  })

  it('opens the failed invoices of a batch as a follow-up import ("fix and retry")', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-import-retry-'))
    dirs.push(dir)
    const src = join(dir, 'mai.csv')
    copyFileSync(FIXTURE, src)
    const app = startServices(dir)
    const first = await app.call<{ sessionId: string }>('import:openPath', { path: src })
    const { batchId } = await app.call<{ batchId: string }>('plan:confirm', { sessionId: first.sessionId })
    // Dintero refused one invoice (as the engine would record it).
    const db = openAppDb(dir)
    db.prepare(
      "UPDATE invoices SET state = 'failed', error_message = 'Kunden finnes ikke' WHERE batch_id = ? AND merchant_reference = '1002'",
    ).run(batchId)
    db.close()

    const retry = await app.call<{ sessionId: string; step: string; followUpOf: string }>(
      'import:openFailed',
      {
        batchId,
      },
    )
    expect(retry).toMatchObject({ step: 'review', followUpOf: batchId })
    const summary = await app.call<ImportSummary>('import:validate', { sessionId: retry.sessionId })
    expect(summary.invoices).toBe(1)
    expect(summary.totalAmount).toBe(85000)
    const plan = await app.call<PlanView>('plan:get', { sessionId: retry.sessionId })
    expect(plan.followUpOf).toBe(batchId)
    const follow = await app.call<{ batchId: string }>('plan:confirm', { sessionId: retry.sessionId })
    const parent = await app.call<{ parentId: string | null }>('batches:get', { batchId: follow.batchId })
    expect(parent.parentId).toBe(batchId)

    // Reading the same month again: what was invoiced is flagged and skipped, naming the batch.
    const db2 = openAppDb(dir)
    db2
      .prepare("UPDATE invoices SET state = 'authorized' WHERE batch_id = ? AND merchant_reference = '1001'")
      .run(batchId)
    db2.close()
    const twice = await app.call<{ sessionId: string }>('import:openPath', { path: src })
    const again = await app.call<ImportSummary>('import:validate', { sessionId: twice.sessionId })
    expect(again.duplicates).toEqual([{ reference: '1001', batchId }])
    const plan2 = await app.call<PlanView>('plan:get', { sessionId: twice.sessionId })
    expect(plan2.duplicates).toEqual([{ reference: '1001', batchId }])
    expect(plan2.leftOut.map((l) => l.reference)).not.toContain('1001')
    expect(plan2.invoices).toBe(2)
    await app.close()
  })

  it('applies the user’s column choice and fixed values, and says where each value comes from', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-import-map-'))
    dirs.push(dir)
    const src = join(dir, 'juni.csv')
    copyFileSync(FIXTURE, src)
    const app = startServices(dir)
    const { sessionId } = await app.call<{ sessionId: string }>('import:openPath', { path: src })
    const before = await app.call<MappingView>('import:mapping', { sessionId })
    const channel = before.fields.find((f) => f.field === 'invoice_channel')
    expect(channel).toMatchObject({ column: null, source: 'none', defaultValue: 'kravia' })

    const byUser = await app.call<MappingView>('import:setMapping', {
      sessionId,
      field: 'customer_reference',
      column: 'Firma',
      constant: null,
    })
    expect(byUser.fields.find((f) => f.field === 'customer_reference')).toMatchObject({
      column: 'Firma',
      source: 'user',
      confidence: 1,
    })
    // Firma can hold only one field: the company name lost it.
    expect(byUser.fields.find((f) => f.field === 'business_name')?.column).not.toBe('Firma')

    const fixed = await app.call<MappingView>('import:setMapping', {
      sessionId,
      field: 'days_until_due',
      column: null,
      constant: '20',
    })
    expect(fixed.fields.find((f) => f.field === 'days_until_due')).toMatchObject({
      column: null,
      constant: '20',
      source: 'constant',
    })
    expect(fixed.unused).toContain('Forfall')
    expect(fixed.fields.filter((f) => f.missing)).toEqual([])

    // Leaving out a column every invoice needs is pointed out before validation.
    const noPhone = await app.call<MappingView>('import:setMapping', {
      sessionId,
      field: 'phone_number',
      column: null,
      constant: null,
    })
    expect(noPhone.fields.filter((f) => f.missing).map((f) => f.field)).toEqual(['phone_number'])
    const noDays = await app.call<MappingView>('import:setMapping', {
      sessionId,
      field: 'days_until_due',
      column: null,
      constant: null,
    })
    // Settings give a default number of days, so it is still provided.
    expect(noDays.fields.find((f) => f.field === 'days_until_due')).toMatchObject({
      missing: false,
      defaultValue: '14',
    })
    await app.close()
  })

  it('lists the sheets of a workbook and reads the one chosen', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-import-xlsx-'))
    dirs.push(dir)
    const app = startServices(dir)
    const xlsx = join(import.meta.dirname, '../../fixtures/import/office/fakturaer.xlsx')
    const { sessionId } = await app.call<{ sessionId: string }>('import:openPath', { path: xlsx })
    const read = await app.call<ReadView>('import:read', { sessionId, overrides: {} })
    expect(read.format).toBe('xlsx')
    expect(read.sheets.length).toBeGreaterThan(0)
    expect(read.sheet).toBe(read.sheets.find((s) => s === read.sheet))
    expect(read.preview.length).toBeGreaterThan(0)
    const again = await app.call<ReadView>('import:read', { sessionId, overrides: { sheet: read.sheets[0] } })
    expect(again.sheet).toBe(read.sheets[0])
    await app.close()
  })

  it('drops the cell edits of a draft whose file changed since, instead of applying them to other rows', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-import-changed-'))
    dirs.push(dir)
    const src = join(dir, 'juli.csv')
    copyFileSync(FIXTURE, src)
    const app = startServices(dir)
    const { sessionId } = await app.call<{ sessionId: string }>('import:openPath', { path: src })
    await app.call('import:validate', { sessionId })
    await app.call('import:editCell', { sessionId, line: 5, field: 'email', value: 'eva.berg@example.no' })
    await app.close()

    writeFileSync(src, readFileSync(FIXTURE, 'utf8').replace('Rørleggertime', 'Rørleggertimer'))
    const again = startServices(dir)
    const summary = await again.call<ImportSummary>('import:validate', { sessionId })
    expect(summary.invoices).toBe(3) // the e-mail fix is gone with the old file
    await again.close()
  })

  it('leaves a column whose meaning only its values could tell to the user, and says why', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-import-ambiguous-'))
    dirs.push(dir)
    const src = join(dir, 'mva.csv')
    writeFileSync(
      src,
      [
        'Fakturanr;Kundetype;Beskrivelse;Beløp;MVA',
        '1;Privat;Kurs;1250,00;250,00',
        '2;Privat;Kurs;625,00;125,00',
      ].join('\r\n'),
    )
    const app = startServices(dir)
    const { sessionId } = await app.call<{ sessionId: string }>('import:openPath', { path: src })
    const view = await app.call<MappingView>('import:mapping', { sessionId })
    expect(view.fields.find((f) => f.field === 'vat')?.column).toBeNull()
    expect(view.ambiguous.map((a) => a.column)).toEqual(['MVA'])
    expect(view.ambiguous[0].message).toContain('MVA')
    expect(view.ambiguous[0].message_nb).toContain('MVA')
    await app.close()
  })

  it('keeps only a few sessions in memory and rebuilds an older one from its draft, edits included', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-import-many-'))
    dirs.push(dir)
    const app = startServices(dir)
    const ids: string[] = []
    for (let n = 0; n < 5; n++) {
      const f = join(dir, `fil-${n}.csv`)
      copyFileSync(FIXTURE, f)
      ids.push((await app.call<{ sessionId: string }>('import:openPath', { path: f })).sessionId)
    }
    await app.call('import:validate', { sessionId: ids[0] })
    await app.call('import:editCell', {
      sessionId: ids[0],
      line: 5,
      field: 'email',
      value: 'eva.berg@example.no',
    })
    for (const id of ids.slice(1)) await app.call('import:read', { sessionId: id, overrides: {} })
    // The first session has left memory by now; it comes back from its draft with the fix.
    expect((await app.call<ImportSummary>('import:validate', { sessionId: ids[0] })).invoices).toBe(4)
    await app.close()
  })

  it('detects a Windows-1252 file, and the preview follows when the user forces another encoding', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-import-ansi-'))
    dirs.push(dir)
    const src = join(dir, 'ansi.csv')
    writeFileSync(src, Buffer.from(readFileSync(FIXTURE, 'utf8'), 'latin1'))
    const app = startServices(dir)
    const { sessionId } = await app.call<{ sessionId: string }>('import:openPath', { path: src })
    const read = await app.call<ReadView>('import:read', { sessionId, overrides: {} })
    expect(read.encoding).toBe('windows-1252')
    expect(read.preview[0].cells[5]).toBe('Fjordkraft Rør AS')
    const forced = await app.call<ReadView>('import:read', { sessionId, overrides: { encoding: 'utf-8' } })
    expect(forced.encoding).toBe('utf-8')
    expect(forced.overrides).toEqual({ encoding: 'utf-8' })
    expect(forced.preview[0].cells[5]).not.toBe('Fjordkraft Rør AS')

    // A setting the file cannot be read with is refused and changes nothing.
    const bad = await app.dispatch('import:read', { sessionId, overrides: { headerRow: 500 } })
    expect(bad.ok).toBe(false)
    const still = await app.call<ReadView>('import:read', { sessionId })
    expect(still.overrides).toEqual({ encoding: 'utf-8' })
    // Reset: back to what was detected.
    const reset = await app.call<ReadView>('import:read', { sessionId, overrides: {} })
    expect(reset.encoding).toBe('windows-1252')
    expect(reset.preview[0].cells[5]).toBe('Fjordkraft Rør AS')
    await app.close()
  })

  it('refuses an unknown path with one clear sentence', async () => {
    const app = startServices(dataDir)
    const r = await app.dispatch('import:openPath', { path: join(dataDir, 'nope.csv') })
    expect(r).toMatchObject({ ok: false, error: { code: 'file_not_found' } })
    await app.close()
  })
})
