/**
 * Makes test/fixtures/names/medlemsregister.xlsx: a sports club's member register as a club
 * secretary keeps it in Excel — a title above the table, names written "Etternavn, Fornavn",
 * postal codes and mobile numbers typed as numbers (Excel dropped the leading zeros), payment
 * terms as text. Run once with `npx tsx scripts/make-register-fixture.ts`; the output is committed.
 */
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import * as XLSX from 'xlsx'

const rows: (string | number | null)[][] = [
  [
    'Medlemsregister Nordre Aker Sportsklubb – kontingent 2027',
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
  ],
  [null, null, null, null, null, null, null, null, null, null, null],
  [
    'Fakturanr',
    'Medlemsnr',
    'Navn',
    'Adresse',
    'Postnr',
    'Poststed',
    'Mobil',
    'E-post',
    'Beskrivelse',
    'Beløp',
    'MVA',
    'Betalingsfrist',
  ],
  [
    'K2027-001',
    1001,
    'Nordmann, Ola',
    'Storgata 1',
    152,
    'OSLO',
    98765432,
    'ola.nordmann@example.no',
    'Medlemskontingent 2027',
    650,
    0,
    '14 dager',
  ],
  [
    'K2027-002',
    1002,
    'Østby-Lie, Åse Marie',
    'Bygdøy allé 5',
    257,
    'OSLO',
    41234567,
    'ase.ostby-lie@example.no',
    'Medlemskontingent 2027',
    650,
    0,
    '14 dager',
  ],
  [
    'K2027-003',
    1003,
    'Ole Martin Hansen',
    'Nygårdsgaten 4',
    5003,
    'BERGEN',
    90011223,
    'olemartin@example.no',
    'Juniorkontingent 2027',
    325,
    0,
    '14 dager',
  ],
  [
    'K2027-004',
    1004,
    'Berg, Kari',
    'Trondheimsveien 80',
    179,
    'OSLO',
    47700000,
    'kari.berg@example.no',
    'Medlemskontingent 2027',
    650,
    0,
    '14 dager',
  ],
  ['K2027-004', null, null, null, null, null, null, null, 'Klubbgenser str. M', 399, 25, null],
]
const ws = XLSX.utils.aoa_to_sheet(rows)
const wb = XLSX.utils.book_new()
XLSX.utils.book_append_sheet(wb, ws, 'Medlemmer')
const out = fileURLToPath(new URL('../test/fixtures/names/medlemsregister.xlsx', import.meta.url))
writeFileSync(out, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer)
console.log(out)
