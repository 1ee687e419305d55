import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { ImportSummary, MappingView, PlanView, SettingsView } from '../../../src/shared/contract'
import { startServices } from './services'

/** A club's member list: one Navn column, no customer type, org.nr only for the firm member. */
const CSV = [
  'Fakturanr;Navn;Firmanavn;Org.nr;E-post;Telefon;Adresse;Postnr og sted;Beskrivelse;Beløp;MVA-sats;Forfall',
  'M-1;Nordmann, Ola;;;ola@example.no;98765432;Storgata 1;0152 Oslo;Kontingent 2027;650,00;0;14',
  'M-2;Ole Martin Hansen;;;om@example.no;90011223;Havnegata 8;9990 Båtsfjord;Kontingent 2027;650,00;0;14',
  'M-3;Berg, Kari;Berg Regnskap AS;923609016;kari@example.no;47700000;Rådhusgata 5;0160 Oslo;Firmamedlem 2027;1 500,00;0;14',
].join('\r\n')

const dirs: string[] = []
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
})

const field = (v: MappingView, f: string) => v.fields.find((x) => x.field === f)

describe('Map choices, the customer-type rule and remembered mappings (real services and SQLite)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kb-map-choices-'))
  dirs.push(dataDir)
  const file = join(dataDir, 'medlemmer.csv')
  writeFileSync(file, `${CSV}\r\n`)

  it('one column for both names is refused with the reason, the full-name split is offered and works', async () => {
    const app = startServices(dataDir)
    const { sessionId } = await app.call<{ sessionId: string }>('import:openPath', { path: file })
    const first = await app.call<MappingView>('import:mapping', { sessionId })
    expect(field(first, 'full_name')?.column).toBe('Navn')
    expect(field(first, 'postal_code_place')?.column).toBe('Postnr og sted')
    expect(field(first, 'payment_product_type')).toMatchObject({
      column: null,
      rule: 'org_number',
      missing: false,
    })
    expect(first.fields.filter((f) => f.missing)).toEqual([])

    // Navn as the first name: the matcher's full name gives way, and the last name is now missing.
    const asFirst = await app.call<MappingView>('import:setMapping', {
      sessionId,
      field: 'first_name',
      column: 'Navn',
      constant: null,
    })
    expect(asFirst.refusal).toBeUndefined()
    expect(field(asFirst, 'first_name')?.column).toBe('Navn')
    expect(field(asFirst, 'full_name')?.column).toBeNull()
    expect(asFirst.fields.filter((f) => f.missing).map((f) => f.label_nb)).toEqual(['Etternavn'])

    // The same column as the last name: refused, not silently undone, and the split offered.
    const asLast = await app.call<MappingView>('import:setMapping', {
      sessionId,
      field: 'last_name',
      column: 'Navn',
      constant: null,
    })
    expect(asLast.refusal).toMatchObject({ field: 'last_name', column: 'Navn', offer: 'full_name' })
    expect(asLast.refusal?.message_nb).toMatch(
      /^«Navn» er allerede kolonnen for Fornavn\. Én kolonne kan ikke være både fornavn og etternavn/,
    )
    expect(asLast.refusal?.message).toMatch(/^"Navn" is already the column for First name\./)
    expect(field(asLast, 'last_name')?.column).toBeNull()
    expect(field(asLast, 'first_name')?.column).toBe('Navn')

    const split = await app.call<MappingView>('import:setMapping', {
      sessionId,
      field: 'full_name',
      column: 'Navn',
      constant: null,
    })
    expect(split.refusal).toBeUndefined()
    expect(field(split, 'full_name')).toMatchObject({ column: 'Navn', source: 'user' })
    expect(field(split, 'first_name')?.column).toBeNull()
    expect(split.fields.filter((f) => f.missing)).toEqual([])

    const summary = await app.call<ImportSummary>('import:validate', { sessionId })
    expect(summary.invoices).toBe(3)
    expect(summary.byProductType).toEqual([
      { type: 'b2c', invoices: 2, amount: 130000 },
      { type: 'b2b', invoices: 1, amount: 150000 },
    ])
    const plan = await app.call<PlanView>('plan:get', { sessionId })
    expect(plan.notices.map((n) => n.message_nb)).toEqual([
      'Ingen kundetype er oppgitt, så organisasjonsnummeret avgjør: 1 faktura med nummer sendes som Bedrift, 2 fakturaer uten som Privat.',
    ])

    // Discarded: nothing is remembered for these columns.
    await app.call('import:close', { sessionId })
    const again = await app.call<{ sessionId: string }>('import:openPath', { path: file })
    const fresh = await app.call<MappingView>('import:mapping', { sessionId: again.sessionId })
    expect(fresh.remembered).toBe(false)

    // Sent: the mapping is remembered for the next file with these columns.
    await app.call('import:setMapping', {
      sessionId: again.sessionId,
      field: 'description',
      column: 'Beskrivelse',
      constant: null,
    })
    await app.call<ImportSummary>('import:validate', { sessionId: again.sessionId })
    await app.call('plan:confirm', { sessionId: again.sessionId })
    const third = await app.call<{ sessionId: string }>('import:openPath', { path: file })
    const remembered = await app.call<MappingView>('import:mapping', { sessionId: third.sessionId })
    expect(remembered.remembered).toBe(true)
    expect(field(remembered, 'description')).toMatchObject({ column: 'Beskrivelse', source: 'remembered' })
    await app.close()
  })

  it('the Settings default decides from the org number unless the user picks a fixed customer type', async () => {
    const app = startServices(dataDir)
    const view = await app.call<SettingsView>('settings:get', {})
    expect(view.defaults.productType).toBe('from_org_number')
    await app.call('settings:saveDefaults', { ...view.defaults, productType: 'kravia.invoice_b2b' })
    const { sessionId } = await app.call<{ sessionId: string }>('import:openPath', { path: file })
    const m = await app.call<MappingView>('import:mapping', { sessionId })
    expect(field(m, 'payment_product_type')).toMatchObject({ rule: null, defaultValue: 'b2b' })
    const s = await app.call<ImportSummary>('import:validate', { sessionId })
    expect(s.byProductType).toEqual([{ type: 'b2b', invoices: 1, amount: 150000 }])
    expect(s.invalidInvoices).toBe(2)
    await app.close()
  })
})
